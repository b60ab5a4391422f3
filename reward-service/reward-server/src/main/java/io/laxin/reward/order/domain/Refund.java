package io.laxin.reward.order.domain;

import java.time.Instant;

/**
 * A refund of (part of) an order; the refund id is unique.
 *
 * @param cashbackTakenFen how much of the order's cashback this refund took back (fen)
 */
public record Refund(
        String refundId,
        String orderId,
        long amountFen,
        Instant refundedAt,
        long cashbackTakenFen,
        String sourceEventId,
        Instant createdAt) {

    /** True when {@code facts} describe this refund (a repeated report), false when they contradict it. */
    public boolean sameAs(OrderFacts.Refunded facts) {
        return orderId.equals(facts.orderId()) && amountFen == facts.amountFen();
    }
}
