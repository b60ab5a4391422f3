package io.laxin.reward.order.domain;

import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cashback rules, as plain functions: whether a paid order qualifies under the buyer's attribution, the rewards a
 * qualifying order earns, and how much of them a refund takes back. Money is integer fen, rounded down.
 */
public final class CashbackPlan {

    public static final String REFUND_REASON = "ORDER_REFUNDED";
    private static final long BASIS_POINTS = 10_000;

    private CashbackPlan() {}

    /**
     * Screens an order before the first-K count: QUALIFIED, or why not.
     *
     * @param active        the buyer's latest active attribution
     * @param everRevoked   whether the buyer had an attribution that was revoked
     */
    public static OrderOutcome screen(Optional<Attribution> active, boolean everRevoked, Instant paidAt) {
        if (active.isEmpty()) {
            return everRevoked ? OrderOutcome.ATTRIBUTION_REVOKED : OrderOutcome.NOT_INVITEE;
        }
        Attribution a = active.get();
        RewardPolicy.Cashback cashback = a.policy().cashback();
        if (cashback == null) {
            return OrderOutcome.NO_CASHBACK_POLICY;
        }
        // paidAt is kept to the second (the host's clock; a fraction is dropped on intake), the attribution's time to
        // the nanosecond: an order paid in the second of the attribution is not before it
        boolean beforeAttribution = paidAt.isBefore(a.attributedAt().truncatedTo(ChronoUnit.SECONDS));
        boolean windowClosed = cashback.windowDays() != null
                && !paidAt.isBefore(a.attributedAt().plus(cashback.windowDays(), ChronoUnit.DAYS));
        return beforeAttribution || windowClosed ? OrderOutcome.OUTSIDE_WINDOW : OrderOutcome.QUALIFIED;
    }

    /** floor(amount × share / 10000) fen. */
    public static long cashbackFen(long amountFen, int shareBasisPoints) {
        return Math.multiplyExact(amountFen, (long) shareBasisPoints) / BASIS_POINTS;
    }

    /**
     * The drafts a qualifying order earns: the referrer's cashback (if it comes to at least 1 fen) and, on the
     * attribution's first qualifying order, the first-order bonuses. Each is held for the policy's hold days from
     * the payment.
     */
    public static List<Reward> rewardsFor(Attribution a, PaidOrder order, int nth, Instant now) {
        RewardPolicy policy = a.policy();
        RewardPolicy.Cashback cashback = policy.cashback();
        Instant releaseAt = order.paidAt().plus(policy.holdDays(), ChronoUnit.DAYS);
        List<Reward> drafts = new ArrayList<>();
        long share = cashbackFen(order.amountFen(), cashback.shareBasisPoints());
        if (share > 0) {
            drafts.add(draft(
                    a,
                    order,
                    a.referrerUserId(),
                    Beneficiary.REFERRER,
                    RewardSource.CASHBACK,
                    new RewardPolicy.Spec(RewardKind.CASH, share),
                    releaseAt,
                    "cashback:" + order.orderId(),
                    now));
        }
        if (nth == 1 && cashback.firstOrderReferrerBonus() != null) {
            drafts.add(draft(
                    a,
                    order,
                    a.referrerUserId(),
                    Beneficiary.REFERRER,
                    RewardSource.FIRST_ORDER,
                    cashback.firstOrderReferrerBonus(),
                    releaseAt,
                    firstOrderKey(order, Beneficiary.REFERRER),
                    now));
        }
        if (nth == 1 && cashback.firstOrderInviteeBonus() != null) {
            drafts.add(draft(
                    a,
                    order,
                    a.inviteeUserId(),
                    Beneficiary.INVITEE,
                    RewardSource.FIRST_ORDER,
                    cashback.firstOrderInviteeBonus(),
                    releaseAt,
                    firstOrderKey(order, Beneficiary.INVITEE),
                    now));
        }
        return drafts;
    }

    private static String firstOrderKey(PaidOrder order, Beneficiary side) {
        return "first-order:" + order.orderId() + ":" + side.name();
    }

    private static Reward draft(
            Attribution a,
            PaidOrder order,
            String userId,
            Beneficiary side,
            RewardSource source,
            RewardPolicy.Spec spec,
            Instant releaseAt,
            String key,
            Instant now) {
        return Reward.pending(
                a.campaignId(),
                a.referralId(),
                userId,
                side,
                Reward.Origin.of(source, key, order.sourceEventId(), a.policyVersion(), order.orderId()),
                spec,
                releaseAt,
                now);
    }

    /**
     * What a refund takes back of one reward of the order. Cashback goes back in proportion to the refunded share:
     * after refunds totalling R of an order of A, floor(issued × R / A) has been taken back in all, so no refund
     * takes back more than was issued and a full refund (in one go or several) takes all of it. A first-order bonus
     * goes back whole, on the refund that completes a full refund only.
     */
    public static long toTakeBack(Reward reward, PaidOrder before, long refundFen) {
        long refundedAfter = before.refundedFen() + refundFen;
        if (reward.source() == RewardSource.FIRST_ORDER) {
            return refundedAfter == before.amountFen() ? reward.worth().issuedAmount() : 0;
        }
        return proportion(reward.worth().issuedAmount(), refundedAfter, before.amountFen())
                - proportion(reward.worth().issuedAmount(), before.refundedFen(), before.amountFen());
    }

    private static long proportion(long issued, long refunded, long orderAmount) {
        return Math.multiplyExact(issued, refunded) / orderAmount;
    }

    /** The rewards a refund of this order may take back from: its cashback and first-order bonuses. */
    public static boolean isOrderReward(Reward reward, String orderId) {
        return orderId.equals(reward.origin().orderId())
                && (reward.source() == RewardSource.CASHBACK || reward.source() == RewardSource.FIRST_ORDER);
    }
}
