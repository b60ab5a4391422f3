package io.laxin.reward.order.web;

import io.laxin.reward.order.domain.Refund;
import java.time.Instant;

/**
 * A refund as reward-service recorded it.
 *
 * @param cashbackTakenFen  the cashback this refund took back
 * @param orderRefundedFen  the order's refunded total after it
 * @param firstReport       false when the refund had been reported before (nothing changed)
 */
public record RefundResponse(
        String refundId,
        String orderId,
        long amountFen,
        Instant refundedAt,
        long cashbackTakenFen,
        long orderRefundedFen,
        boolean firstReport) {

    static RefundResponse of(Refund r, long orderRefundedFen, boolean firstReport) {
        return new RefundResponse(
                r.refundId(),
                r.orderId(),
                r.amountFen(),
                r.refundedAt(),
                r.cashbackTakenFen(),
                orderRefundedFen,
                firstReport);
    }
}
