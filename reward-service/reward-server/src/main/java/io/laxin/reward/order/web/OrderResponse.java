package io.laxin.reward.order.web;

import io.laxin.reward.order.domain.PaidOrder;
import java.time.Instant;

/**
 * An order as reward-service recorded it.
 *
 * @param outcome     QUALIFIED, or why it earned nothing (NOT_INVITEE, OUTSIDE_WINDOW, BEYOND_FIRST_K,
 *                    NO_CASHBACK_POLICY, ATTRIBUTION_REVOKED)
 * @param firstReport false when the order had been reported before (nothing changed)
 */
public record OrderResponse(
        String orderId,
        String buyerUserId,
        long amountFen,
        Instant paidAt,
        Long referralId,
        String outcome,
        Integer qualifyingNth,
        long cashbackFen,
        long refundedFen,
        boolean firstReport) {

    static OrderResponse of(PaidOrder o, boolean firstReport) {
        return new OrderResponse(
                o.orderId(),
                o.buyerUserId(),
                o.amountFen(),
                o.paidAt(),
                o.referralId(),
                o.outcome().name(),
                o.qualifyingNth(),
                o.cashbackFen(),
                o.refundedFen(),
                firstReport);
    }
}
