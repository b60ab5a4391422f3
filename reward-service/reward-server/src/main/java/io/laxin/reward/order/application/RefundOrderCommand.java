package io.laxin.reward.order.application;

import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.order.domain.OrderFacts;

/**
 * Record a refund and take back what the order earned, in proportion. On the event path {@code consumer} and
 * {@code eventId} are the listener's consumer group and the event id; over HTTP ({@link #reportedOverHttp})
 * {@code consumer} is null and the event id is derived from the refund id: the refund is stored with it and published
 * on the order topic under it.
 */
public record RefundOrderCommand(String consumer, String eventId, OrderFacts.Refunded refund) {

    public static RefundOrderCommand reportedOverHttp(OrderFacts.Refunded refund) {
        return new RefundOrderCommand(
                null, OrderGuards.ingestEventId(OrderEventTags.ORDER_REFUNDED, refund.refundId()), refund);
    }

    /** True when the host reported it over HTTP, so reward-service publishes the refund event on its behalf. */
    public boolean overHttp() {
        return consumer == null;
    }
}
