package io.laxin.invite.referral.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.invite.referral.application.RecordFirstOrderCommand;
import io.laxin.invite.referral.application.RecordingFirstOrder;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;


/**
 * The host's paid orders (topic {@code laxin.topics.order}, tag {@code ORDER_PAID}, invite-service's own consumer
 * group) mark invitees' first orders for the funnel (see {@link RecordingFirstOrder}). An event that can never apply
 * (no event id, buyer, order id or time) is logged and dropped; a failure throws, so the broker redelivers.
 */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.order:LAXIN_ORDER}",
        consumerGroup = "${spring.application.name}-first-orders",
        selectorExpression = OrderEventTags.ORDER_PAID,
        maxReconsumeTimes = 16)
public class OrderPaidListener implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(OrderPaidListener.class);

    private final RecordingFirstOrder recording;
    private final JsonMapper json;
    private final String consumer;

    public OrderPaidListener(RecordingFirstOrder recording, JsonMapper json,
                             @Value("${spring.application.name}-first-orders") String consumer) {
        this.recording = recording;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        OrderPaidEvent e = EventPayloads.read(json, message.getBody(), OrderPaidEvent.class, OrderPaidEvent.SCHEMA_VERSION);
        if (blankOrLong(e.eventId()) || blankOrLong(e.buyerUserId()) || blankOrLong(e.orderId())
                || e.paidAt() == null) {
            log.warn("Dropped order event {}: it names no event id, buyer, order or payment time", message.getKeys());
            return;
        }
        recording.handle(new RecordFirstOrderCommand(consumer, e.eventId(), e.buyerUserId(), e.orderId(),
                e.paidAt()));
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.length() > 64;
    }
}
