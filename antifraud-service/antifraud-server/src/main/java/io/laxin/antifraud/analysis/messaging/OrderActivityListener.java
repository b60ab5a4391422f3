package io.laxin.antifraud.analysis.messaging;

import io.laxin.antifraud.analysis.application.ReportingActivity;
import io.laxin.antifraud.analysis.domain.InviteeOrders;
import io.laxin.kernel.api.ReportedTimes;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import java.time.Clock;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * A paid order is activity: the host's order events (topic {@code laxin.topics.order}, tag {@code ORDER_PAID}) are
 * recorded as {@code ORDER} activity of the buyer, so the late analysis sees who ordered without the host reporting
 * activity separately. Idempotent: the same activity (user, kind, time) is recorded once, whatever the delivery.
 */
@Component
@RocketMQMessageListener(
        topic = Topics.ORDER_TOPIC,
        consumerGroup = "${spring.application.name}-order-activity",
        selectorExpression = OrderEventTags.ORDER_PAID)
public class OrderActivityListener extends IdempotentListener<OrderPaidEvent> {

    public static final String ORDER = InviteeOrders.ORDER_ACTIVITY;

    private final ReportingActivity activity;
    private final Clock clock;

    public OrderActivityListener(ReportingActivity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public void handle(OrderPaidEvent e) {
        if (e.buyerUserId() == null
                || e.buyerUserId().isBlank()
                || e.buyerUserId().length() > 64) {
            return; // reward-service refuses it too; nothing to learn from it
        }
        if (e.paidAt() != null && !ReportedTimes.plausible(e.paidAt(), clock.instant())) {
            // a time no retry will mend (the host publishes to the topic directly): dropped, not redelivered for hours
            log.warn(
                    "Order of {} (event {}) paid at {} is not a plausible time; not recorded as activity",
                    e.buyerUserId(),
                    e.eventId(),
                    e.paidAt());
            return;
        }
        activity.report(e.buyerUserId(), ORDER, e.paidAt(), null);
    }
}
