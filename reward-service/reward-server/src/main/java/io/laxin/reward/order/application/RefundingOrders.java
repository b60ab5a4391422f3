package io.laxin.reward.order.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.order.domain.CashbackPlan;
import io.laxin.reward.order.domain.EarlyRefunds;
import io.laxin.reward.order.domain.OrderEvents;
import io.laxin.reward.order.domain.OrderFacts;
import io.laxin.reward.order.domain.Orders;
import io.laxin.reward.order.domain.PaidOrder;
import io.laxin.reward.order.domain.Refund;
import io.laxin.reward.order.domain.Refunds;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.RewardBook;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.Rewards;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: record a refund, once, and take back the order's rewards through {@link RewardBook#takeBack} (a pending
 * reward is reduced or voided and its budget charge given back; a released one gets a negative adjustment). One
 * transaction, under the order's row lock so refunds of one order never race: the processed-event row (event path),
 * the refund row (its id is the business key), the order's refunded total (never above the order's amount) and the
 * take-backs, and for a refund first reported over HTTP its order event in the outbox ({@link OrderEvents}).
 * {@link RewardBook.ConcurrentRewardChange} propagates; run it through {@link ConflictRetry}. A refund whose event
 * comes before its order's is kept ({@link EarlyRefunds}) and applied when the order is recorded.
 */
@Service
public class RefundingOrders {

    private static final Logger log = LoggerFactory.getLogger(RefundingOrders.class);

    private final ProcessedEvents processed;
    private final Orders orders;
    private final Refunds refunds;
    private final Rewards rewards;
    private final RewardBook book;
    private final OrderEvents events;
    private final EarlyRefunds early;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public RefundingOrders(
            ProcessedEvents processed,
            Orders orders,
            Refunds refunds,
            Rewards rewards,
            RewardBook book,
            OrderEvents events,
            EarlyRefunds early,
            Clock clock,
            IdempotentRequests idempotency) {
        this.processed = processed;
        this.orders = orders;
        this.refunds = refunds;
        this.rewards = rewards;
        this.book = book;
        this.events = events;
        this.early = early;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** The refund as stored, its order after it, and whether this report recorded it. */
    public record Outcome(Refund refund, PaidOrder order, boolean firstReport) {}

    /** A refund reported over HTTP, once per Idempotency-Key: the key and the answer are recorded in its transaction. */
    @Transactional
    public <A> A handle(RefundOrderCommand command, IdempotentRequests.Answer<Outcome, A> answer) {
        return idempotency.once(answer, () -> handle(command).orElseThrow());
    }

    /**
     * @return empty for a redelivered event, or a refund event kept until its order comes
     * @throws LaxinException 400 for a bad report, 404 {@code ORDER_NOT_FOUND} (over HTTP), 409 {@code ORDER_CONFLICT} when the
     *                        refund id was reported for another order or amount, 422 {@code REFUND_EXCEEDS_ORDER};
     *                        nothing is written
     */
    @Transactional
    public Optional<Outcome> handle(RefundOrderCommand command) {
        OrderFacts.Refunded facts = command.refund();
        OrderGuards.requireValid(facts.problem(clock.instant()));
        if (!OrderGuards.firstDelivery(processed, command.consumer(), command.eventId())) {
            return Optional.empty();
        }
        Optional<PaidOrder> paid = orders.lockById(facts.orderId());
        if (paid.isEmpty()) {
            if (command.overHttp()) {
                throw new LaxinException(
                        RewardErrorCode.ORDER_NOT_FOUND, "Order " + facts.orderId() + " was not reported paid (yet)");
            }
            // the refund's event came first: keep it for the order (the locking read above holds the gap, so an
            // order recorded concurrently finds it)
            early.park(facts, command.eventId(), clock.instant());
            log.info(
                    "Refund {} came before its order {}; kept until the order is recorded",
                    facts.refundId(),
                    facts.orderId());
            return Optional.empty();
        }
        return Optional.of(refund(paid.get(), facts, command.eventId(), command.overHttp()));
    }

    /**
     * Applies the refunds that came before this order, in the transaction that records it (under its row lock). One
     * that cannot be applied (more than is left, its id reported for another order) is kept with the reason.
     *
     * @return the order after them
     */
    public PaidOrder applyEarlyRefunds(PaidOrder order) {
        PaidOrder after = order;
        for (EarlyRefunds.Parked p : early.forOrder(order.orderId())) {
            try {
                after = refund(after, p.refund(), p.eventId(), false).order();
                early.applied(p.refund().refundId());
            } catch (LaxinException refused) {
                // refused before anything was written
                log.warn(
                        "Refund {} of order {} came first and cannot be applied: {}",
                        p.refund().refundId(),
                        order.orderId(),
                        refused.getMessage());
                early.refused(p.refund().refundId(), refused.errorCode().name() + ": " + refused.getMessage());
            }
        }
        return after;
    }

    private Outcome refund(PaidOrder order, OrderFacts.Refunded facts, String eventId, boolean overHttp) {
        Optional<Refund> known = refunds.byId(facts.refundId());
        if (known.isPresent()) {
            if (!known.get().sameAs(facts)) {
                throw new LaxinException(
                        RewardErrorCode.ORDER_CONFLICT,
                        "Refund " + facts.refundId() + " was reported before for another order or amount");
            }
            return new Outcome(known.get(), order, false);
        }
        if (facts.amountFen() > order.refundableFen()) {
            throw new LaxinException(
                    RewardErrorCode.REFUND_EXCEEDS_ORDER,
                    "Refund of " + facts.amountFen() + " fen is more than the " + order.refundableFen()
                            + " fen left of order " + order.orderId());
        }
        long cashbackTaken = takeBack(order, facts);
        Instant now = clock.instant();
        Refund refund = new Refund(
                facts.refundId(),
                order.orderId(),
                facts.amountFen(),
                facts.refundedAt().truncatedTo(OrderFacts.TIME_PRECISION),
                cashbackTaken,
                eventId,
                now);
        refunds.add(refund);
        PaidOrder after = order.refunded(facts.amountFen());
        orders.update(after);
        if (overHttp) {
            events.refunded(refund, after);
        }
        return new Outcome(refund, after, true);
    }

    /** Takes back each reward of the order in proportion; answers the cashback (fen) taken back. */
    private long takeBack(PaidOrder order, OrderFacts.Refunded facts) {
        if (order.referralId() == null) {
            return 0;
        }
        long cashbackTaken = 0;
        for (Reward r : rewards.ofReferral(order.referralId())) {
            if (!CashbackPlan.isOrderReward(r, order.orderId())) {
                continue;
            }
            long taken = book.takeBack(
                    r,
                    CashbackPlan.toTakeBack(r, order, facts.amountFen()),
                    CashbackPlan.REFUND_REASON,
                    "refund:" + facts.refundId());
            if (r.source() == RewardSource.CASHBACK) {
                cashbackTaken += taken;
            }
        }
        return cashbackTaken;
    }
}
