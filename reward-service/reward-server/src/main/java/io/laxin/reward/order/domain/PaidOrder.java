package io.laxin.reward.order.domain;

import java.time.Instant;

/**
 * An order the host reported paid, whether or not it earned anything; the order id is unique.
 *
 * @param referralId    the buyer's attribution when there was one (null for {@code NOT_INVITEE})
 * @param qualifyingNth for a qualifying order, which of the attribution's qualifying orders it is (1 = first)
 * @param cashbackFen   the cashback issued for it (0 when none, or refused by the budget)
 * @param refundedFen   what was refunded of it so far, never more than {@code amountFen}
 * @param sourceEventId the event that reported it; over HTTP, the id of the ORDER_PAID event published for it
 */
public record PaidOrder(
        String orderId,
        String buyerUserId,
        long amountFen,
        Instant paidAt,
        Long referralId,
        Long campaignId,
        OrderOutcome outcome,
        Integer qualifyingNth,
        long cashbackFen,
        long refundedFen,
        String sourceEventId,
        Instant createdAt) {

    /** A newly reported order, screened but not yet counted. */
    public static PaidOrder reported(
            OrderFacts.Paid facts,
            Long referralId,
            Long campaignId,
            OrderOutcome outcome,
            String sourceEventId,
            Instant now) {
        return new PaidOrder(
                facts.orderId(),
                facts.buyerUserId(),
                facts.amountFen(),
                facts.paidAt().truncatedTo(OrderFacts.TIME_PRECISION),
                referralId,
                campaignId,
                outcome,
                null,
                0,
                0,
                sourceEventId,
                now);
    }

    /** True when {@code facts} describe this order (a repeated report), false when they contradict it. */
    public boolean sameAs(OrderFacts.Paid facts) {
        return buyerUserId.equals(facts.buyerUserId())
                && amountFen == facts.amountFen()
                && paidAt.equals(facts.paidAt().truncatedTo(OrderFacts.TIME_PRECISION));
    }

    public PaidOrder decided(OrderOutcome newOutcome, Integer nth, long cashback) {
        return new PaidOrder(
                orderId,
                buyerUserId,
                amountFen,
                paidAt,
                referralId,
                campaignId,
                newOutcome,
                nth,
                cashback,
                refundedFen,
                sourceEventId,
                createdAt);
    }

    /** The order as its buyer's attribution, learnt after the order, sees it (still to be counted if it qualifies). */
    public PaidOrder attributedTo(long toReferral, long inCampaign, OrderOutcome newOutcome) {
        return new PaidOrder(
                orderId,
                buyerUserId,
                amountFen,
                paidAt,
                toReferral,
                inCampaign,
                newOutcome,
                null,
                0,
                refundedFen,
                sourceEventId,
                createdAt);
    }

    public PaidOrder refunded(long amount) {
        return new PaidOrder(
                orderId,
                buyerUserId,
                amountFen,
                paidAt,
                referralId,
                campaignId,
                outcome,
                qualifyingNth,
                cashbackFen,
                refundedFen + amount,
                sourceEventId,
                createdAt);
    }

    /** What can still be refunded. */
    public long refundableFen() {
        return amountFen - refundedFen;
    }
}
