package io.laxin.reward.order.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.order.domain.CashbackPlan;
import io.laxin.reward.order.domain.OrderEvents;
import io.laxin.reward.order.domain.OrderFacts;
import io.laxin.reward.order.domain.OrderOutcome;
import io.laxin.reward.order.domain.OrderTallies;
import io.laxin.reward.order.domain.Orders;
import io.laxin.reward.order.domain.PaidOrder;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.RewardBook;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.AttributionRecorded;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.RewardStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: record a paid order, once, and issue its cashback and first-order bonuses if the buyer is an attributed
 * invitee whose policy has cashback. One READ COMMITTED transaction: the processed-event row (event path), the buyer's
 * guard ({@link Attributions#guardInvitee}: recording the buyer's attribution takes it too), the order row (its id is
 * the business key, so an order reported over HTTP and then on the topic pays once), the attribution's first-K count
 * under a row lock, and the rewards through {@link RewardBook} (budget, postings, events). Every order is stored
 * with its outcome, qualifying or not. An order first reported over HTTP is also put on the order topic through the
 * outbox ({@link OrderEvents}), in the same transaction; reward-service's own listener then finds the order
 * known and changes nothing. Refunds whose events came before the order's are applied in the same transaction. A lost race (deadlock victim) propagates; run it through
 * {@link ConflictRetry}.
 */
@Service
public class RecordingPaidOrders {

    private static final Logger log = LoggerFactory.getLogger(RecordingPaidOrders.class);

    private final ProcessedEvents processed;
    private final Orders orders;
    private final OrderTallies tallies;
    private final Attributions attributions;
    private final RewardBook book;
    private final OrderEvents events;
    private final RefundingOrders refunding;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public RecordingPaidOrders(
            ProcessedEvents processed,
            Orders orders,
            OrderTallies tallies,
            Attributions attributions,
            RewardBook book,
            OrderEvents events,
            RefundingOrders refunding,
            Clock clock,
            IdempotentRequests idempotency) {
        this.processed = processed;
        this.orders = orders;
        this.tallies = tallies;
        this.attributions = attributions;
        this.book = book;
        this.events = events;
        this.refunding = refunding;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** The order as stored, and whether this report recorded it. */
    public record Outcome(PaidOrder order, boolean firstReport) {}

    /** An order reported over HTTP, once per Idempotency-Key: the key and the answer are recorded in its transaction. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public <A> A handle(RecordPaidOrderCommand command, IdempotentRequests.Answer<Outcome, A> answer) {
        return idempotency.once(answer, () -> handle(command).orElseThrow());
    }

    /**
     * @return empty for a redelivered event
     * @throws LaxinException 400 for a bad report, 409 {@code ORDER_CONFLICT} when the order id was reported with
     *                        another buyer, amount or time; nothing is written
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<Outcome> handle(RecordPaidOrderCommand command) {
        OrderFacts.Paid facts = command.order();
        OrderGuards.requireValid(facts.problem(clock.instant()));
        if (!OrderGuards.firstDelivery(processed, command.consumer(), command.eventId())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // serialised with the buyer's attribution being recorded or revoked; READ COMMITTED, so the read below sees
        // what such a transaction committed while this one waited
        attributions.guardInvitee(facts.buyerUserId());
        Optional<Attribution> active = attributions.latestActiveOfInvitee(facts.buyerUserId());
        OrderOutcome screened = CashbackPlan.screen(
                active, active.isEmpty() && attributions.anyRevokedOfInvitee(facts.buyerUserId()), facts.paidAt());
        PaidOrder order = PaidOrder.reported(
                facts,
                active.map(Attribution::referralId).orElse(null),
                active.map(Attribution::campaignId).orElse(null),
                screened,
                command.eventId(),
                now);
        if (!orders.add(order)) {
            return Optional.of(new Outcome(known(facts), false));
        }
        if (screened == OrderOutcome.QUALIFIED) {
            order = qualify(active.orElseThrow(), order, now);
            orders.update(order);
        }
        order = refunding.applyEarlyRefunds(order);
        if (command.overHttp()) {
            events.paid(order);
        }
        return Optional.of(new Outcome(order, true));
    }

    /**
     * The invitee's orders that came before reward-service learnt of the attribution (the host reports an order over
     * HTTP the moment it is paid, while the ATTRIBUTED event is still on its way) were recorded as NOT_INVITEE: in the
     * transaction that records the attribution, they are screened again against it and, if they qualify, earn their
     * cashback — oldest payment first, so the first-K count is the buyer's order of payment. One refunded meanwhile
     * stays without cashback (its refund took nothing back).
     */
    @EventListener
    public void onAttributionRecorded(AttributionRecorded recorded) {
        Attribution a = recorded.attribution();
        Instant now = clock.instant();
        for (PaidOrder early : orders.lockNotInviteeOfBuyer(a.inviteeUserId())) {
            if (early.refundedFen() > 0) {
                // its refunds took nothing back then; paying cashback now would pay for what was refunded
                log.info(
                        "Order {} was refunded before {}'s attribution was known; it stays without cashback",
                        early.orderId(),
                        a.inviteeUserId());
                continue;
            }
            OrderOutcome screened = CashbackPlan.screen(Optional.of(a), false, early.paidAt());
            PaidOrder linked = early.attributedTo(a.referralId(), a.campaignId(), screened);
            if (screened == OrderOutcome.QUALIFIED) {
                linked = qualify(a, linked, now);
            }
            orders.update(linked);
        }
    }

    private PaidOrder known(OrderFacts.Paid facts) {
        // a locking read: the row may have been committed after this transaction's snapshot was taken
        PaidOrder known = orders.lockById(facts.orderId()).orElseThrow();
        if (!known.sameAs(facts)) {
            throw new LaxinException(
                    RewardErrorCode.ORDER_CONFLICT,
                    "Order " + facts.orderId() + " was reported before with another buyer, amount or payment time");
        }
        return known;
    }

    private PaidOrder qualify(Attribution a, PaidOrder order, Instant now) {
        OptionalInt nth =
                tallies.nextQualifying(a.referralId(), a.policy().cashback().firstOrders());
        if (nth.isEmpty()) {
            return order.decided(OrderOutcome.BEYOND_FIRST_K, null, 0);
        }
        List<Reward> stored = book.issue(
                CashbackPlan.rewardsFor(a, order, nth.getAsInt(), now),
                a.policy().budgetFen());
        long cashback = stored.stream()
                .filter(r -> r.source() == RewardSource.CASHBACK && r.status() == RewardStatus.PENDING)
                .mapToLong(Reward::amount)
                .sum();
        return order.decided(OrderOutcome.QUALIFIED, nth.getAsInt(), cashback);
    }
}
