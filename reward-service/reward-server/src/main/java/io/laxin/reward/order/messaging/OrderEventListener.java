package io.laxin.reward.order.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.kernel.error.LaxinException;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.reward.order.application.RecordPaidOrderCommand;
import io.laxin.reward.order.application.RecordingPaidOrders;
import io.laxin.reward.order.application.RefundOrderCommand;
import io.laxin.reward.order.application.RefundingOrders;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.order.domain.OrderFacts;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;


/**
 * Turns the host's order events into the same use cases as the host endpoints. Redelivery is harmless (event id and
 * order / refund id guards). A refund of an order not seen yet throws, so the broker redelivers it after the order;
 * a report that can never succeed (invalid, contradicting an earlier one, or over-refunding) is logged and dropped,
 * with nothing written.
 */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.order:LAXIN_ORDER}",
        consumerGroup = "${spring.application.name}-order-cashback",
        selectorExpression = OrderEventTags.ORDER_PAID + " || " + OrderEventTags.ORDER_REFUNDED,
        maxReconsumeTimes = 16)
public class OrderEventListener implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final RecordingPaidOrders recording;
    private final RefundingOrders refunding;
    private final ConflictRetry retry;
    private final JsonMapper json;
    private final String consumer;

    public OrderEventListener(RecordingPaidOrders recording, RefundingOrders refunding, ConflictRetry retry,
                              JsonMapper json, @Value("${spring.application.name}-order-cashback") String consumer) {
        this.recording = recording;
        this.refunding = refunding;
        this.retry = retry;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        byte[] body = message.getBody();
        try {
            if (OrderEventTags.ORDER_REFUNDED.equals(message.getTags())) {
                refunded(EventPayloads.read(json, body, OrderRefundedEvent.class, OrderRefundedEvent.SCHEMA_VERSION));
            } else {
                paid(EventPayloads.read(json, body, OrderPaidEvent.class, OrderPaidEvent.SCHEMA_VERSION));
            }
        } catch (LaxinException e) {
            if (e.errorCode() == RewardErrorCode.ORDER_NOT_FOUND || e.errorCode().status() >= 500) {
                throw e;
            }
            log.warn("Dropped order event {} ({}): {} {}", message.getKeys(), message.getTags(),
                    e.errorCode().name(), e.getMessage());
        }
    }

    private void paid(OrderPaidEvent e) {
        retry.run(() -> recording.handle(new RecordPaidOrderCommand(consumer, e.eventId(),
                        new OrderFacts.Paid(e.orderId(), e.buyerUserId(), e.amountFen(), e.paidAt()))))
                .ifPresentOrElse(o -> log.info("Order {} (event {}): {}, cashback {} fen{}", e.orderId(),
                                e.eventId(), o.order().outcome(), o.order().cashbackFen(),
                                o.firstReport() ? "" : " (reported before)"),
                        () -> log.info("Order event {} was handled before", e.eventId()));
    }

    private void refunded(OrderRefundedEvent e) {
        retry.run(() -> refunding.handle(new RefundOrderCommand(consumer, e.eventId(),
                        new OrderFacts.Refunded(e.refundId(), e.orderId(), e.amountFen(), e.refundedAt()))))
                .ifPresentOrElse(o -> log.info("Refund {} of order {} (event {}): cashback {} fen taken back{}",
                                e.refundId(), e.orderId(), e.eventId(), o.refund().cashbackTakenFen(),
                                o.firstReport() ? "" : " (reported before)"),
                        () -> log.info("Refund event {} was handled before", e.eventId()));
    }
}
