package io.laxin.invite.referral.messaging;

import io.laxin.invite.referral.application.RecordFirstOrderCommand;
import io.laxin.invite.referral.application.RecordingFirstOrder;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * The host's paid orders (topic {@code laxin.topics.order}, tag {@code ORDER_PAID}, invite-service's own consumer
 * group) mark invitees' first orders for the funnel (see {@link RecordingFirstOrder}). An event that can never apply
 * (no event id, buyer, order id or time) is logged and dropped; a failure throws, so the broker redelivers (and the
 * last attempt parks it, see {@link IdempotentListener}).
 */
@Component
@RocketMQMessageListener(
        topic = Topics.ORDER_TOPIC,
        consumerGroup = "${spring.application.name}-first-orders",
        selectorExpression = OrderEventTags.ORDER_PAID)
public class OrderPaidListener extends IdempotentListener<OrderPaidEvent> {

    private final RecordingFirstOrder recording;

    public OrderPaidListener(RecordingFirstOrder recording) {
        this.recording = recording;
    }

    @Override
    public void handle(OrderPaidEvent e) {
        if (blankOrLong(e.eventId())
                || blankOrLong(e.buyerUserId())
                || blankOrLong(e.orderId())
                || e.paidAt() == null) {
            log.warn("Dropped order event {}: it names no event id, buyer, order or payment time", e.eventId());
            return;
        }
        recording.handle(
                new RecordFirstOrderCommand(consumer(), e.eventId(), e.buyerUserId(), e.orderId(), e.paidAt()));
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.length() > 64;
    }
}
