package io.laxin.reward.api.event;

/** RocketMQ tags on the order topic ({@code laxin.topics.order}), which the host publishes and reward-service reads. */
public final class OrderEventTags {

    public static final String ORDER_PAID = "ORDER_PAID";
    public static final String ORDER_REFUNDED = "ORDER_REFUNDED";

    private OrderEventTags() {}
}
