package io.laxin.reward.order.application;

import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.order.domain.OrderFacts;

/**
 * Record a paid order and issue what it earns. On the event path {@code consumer} and {@code eventId} are the
 * listener's consumer group and the event id; over HTTP ({@link #reportedOverHttp}) {@code consumer} is null and the
 * event id is derived from the order id: the order is stored with it and published on the order topic under it.
 */
public record RecordPaidOrderCommand(String consumer, String eventId, OrderFacts.Paid order) {

    public static RecordPaidOrderCommand reportedOverHttp(OrderFacts.Paid order) {
        return new RecordPaidOrderCommand(
                null, OrderGuards.ingestEventId(OrderEventTags.ORDER_PAID, order.orderId()), order);
    }

    /** True when the host reported it over HTTP, so reward-service publishes the order event on its behalf. */
    public boolean overHttp() {
        return consumer == null;
    }
}
