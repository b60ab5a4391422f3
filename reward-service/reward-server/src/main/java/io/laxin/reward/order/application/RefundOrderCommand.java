package io.laxin.reward.order.application;

import io.laxin.reward.order.domain.OrderFacts;

/**
 * Record a refund and take back what the order earned, in proportion. {@code consumer} and {@code eventId} are set
 * on the event path and null over HTTP.
 */
public record RefundOrderCommand(String consumer, String eventId, OrderFacts.Refunded refund) {
}
