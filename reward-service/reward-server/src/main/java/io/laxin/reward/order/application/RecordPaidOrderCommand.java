package io.laxin.reward.order.application;

import io.laxin.reward.order.domain.OrderFacts;

/**
 * Record a paid order and issue what it earns. {@code consumer} and {@code eventId} are set on the event path (the
 * listener's consumer group and the event id) and null over HTTP.
 */
public record RecordPaidOrderCommand(String consumer, String eventId, OrderFacts.Paid order) {
}
