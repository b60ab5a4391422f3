package io.laxin.antifraud.analysis.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.antifraud.analysis.application.ReportingActivity;
import io.laxin.antifraud.analysis.domain.InviteeOrders;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;


/**
 * A paid order is activity: the host's order events (topic {@code laxin.topics.order}, tag {@code ORDER_PAID}) are
 * recorded as {@code ORDER} activity of the buyer, so the late analysis sees who ordered without the host reporting
 * activity separately. Idempotent: the same activity (user, kind, time) is recorded once, whatever the delivery.
 */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.order:LAXIN_ORDER}",
        consumerGroup = "${spring.application.name}-order-activity",
        selectorExpression = OrderEventTags.ORDER_PAID,
        maxReconsumeTimes = 16)
public class OrderActivityListener implements RocketMQListener<MessageExt> {

    public static final String ORDER = InviteeOrders.ORDER_ACTIVITY;

    private final ReportingActivity activity;
    private final JsonMapper json;

    public OrderActivityListener(ReportingActivity activity, JsonMapper json) {
        this.activity = activity;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        OrderPaidEvent e = EventPayloads.read(json, message.getBody(), OrderPaidEvent.class, OrderPaidEvent.SCHEMA_VERSION);
        if (e.buyerUserId() == null || e.buyerUserId().isBlank() || e.buyerUserId().length() > 64) {
            return; // reward-service refuses it too; nothing to learn from it
        }
        activity.report(e.buyerUserId(), ORDER, e.paidAt(), null);
    }
}
