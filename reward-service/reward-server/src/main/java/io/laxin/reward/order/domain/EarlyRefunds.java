package io.laxin.reward.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: refunds that came on the order topic before their order, kept until the order is recorded. Without them a
 * refund would be retried by the broker for a few hours and then dropped, and the order's cashback paid in full.
 */
public interface EarlyRefunds {

    /** Keeps the refund (in the caller's transaction); a refund id kept already is left as it is. */
    void park(OrderFacts.Refunded refund, String eventId, Instant at);

    /** The refunds kept for this order and not refused, oldest first. */
    List<Parked> forOrder(String orderId);

    /** It was applied with its order: nothing is kept any more. */
    void applied(String refundId);

    /** It could not be applied to its order: kept with the reason, for operations. */
    void refused(String refundId, String reason);

    record Parked(OrderFacts.Refunded refund, String eventId) {}
}
