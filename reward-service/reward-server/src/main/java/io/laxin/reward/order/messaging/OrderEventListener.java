package io.laxin.reward.order.messaging;

import io.laxin.kernel.api.EventMetadata;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.reward.order.application.RecordPaidOrderCommand;
import io.laxin.reward.order.application.RecordingPaidOrders;
import io.laxin.reward.order.application.RefundOrderCommand;
import io.laxin.reward.order.application.RefundingOrders;
import io.laxin.reward.order.domain.OrderFacts;
import io.laxin.reward.reward.application.ConflictRetry;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * Turns the host's order events into the same use cases as the host endpoints. Redelivery is harmless (event id and
 * order / refund id guards). A refund of an order not seen yet throws, so the broker redelivers it after the order;
 * a report that can never succeed (invalid, contradicting an earlier one, or over-refunding) is logged and dropped,
 * with nothing written.
 */
@Component
@RocketMQMessageListener(
        topic = Topics.ORDER_TOPIC,
        consumerGroup = "${spring.application.name}-order-cashback",
        selectorExpression = OrderEventTags.ORDER_PAID + " || " + OrderEventTags.ORDER_REFUNDED)
public class OrderEventListener extends IdempotentListener<EventMetadata> {

    private final RecordingPaidOrders recording;
    private final RefundingOrders refunding;
    private final ConflictRetry retry;

    public OrderEventListener(RecordingPaidOrders recording, RefundingOrders refunding, ConflictRetry retry) {
        this.recording = recording;
        this.refunding = refunding;
        this.retry = retry;
    }

    /** The payload by its tag: a refund or a payment. */
    @Override
    public EventMetadata parse(MessageExt message) {
        return OrderEventTags.ORDER_REFUNDED.equals(message.getTags())
                ? read(message, OrderRefundedEvent.class, OrderRefundedEvent.SCHEMA_VERSION)
                : read(message, OrderPaidEvent.class, OrderPaidEvent.SCHEMA_VERSION);
    }

    @Override
    public void handle(EventMetadata event) {
        try {
            if (event instanceof OrderRefundedEvent refund) {
                refunded(refund);
            } else {
                paid((OrderPaidEvent) event);
            }
        } catch (LaxinException e) {
            if (e.errorCode() == RewardErrorCode.ORDER_NOT_FOUND
                    || e.errorCode().status() >= 500) {
                throw e;
            }
            log.warn(
                    "Dropped order event {} ({}): {} {}",
                    event.eventId(),
                    event.getClass().getSimpleName(),
                    e.errorCode().name(),
                    e.getMessage());
        }
    }

    private void paid(OrderPaidEvent e) {
        retry.run(() -> recording.handle(new RecordPaidOrderCommand(
                        consumer(),
                        e.eventId(),
                        new OrderFacts.Paid(e.orderId(), e.buyerUserId(), e.amountFen(), e.paidAt()))))
                .ifPresentOrElse(
                        o -> log.info(
                                "Order {} (event {}): {}, cashback {} fen{}",
                                e.orderId(),
                                e.eventId(),
                                o.order().outcome(),
                                o.order().cashbackFen(),
                                o.firstReport() ? "" : " (reported before)"),
                        () -> log.info("Order event {} was handled before", e.eventId()));
    }

    private void refunded(OrderRefundedEvent e) {
        retry.run(() -> refunding.handle(new RefundOrderCommand(
                        consumer(),
                        e.eventId(),
                        new OrderFacts.Refunded(e.refundId(), e.orderId(), e.amountFen(), e.refundedAt()))))
                .ifPresentOrElse(
                        o -> log.info(
                                "Refund {} of order {} (event {}): cashback {} fen taken back{}",
                                e.refundId(),
                                e.orderId(),
                                e.eventId(),
                                o.refund().cashbackTakenFen(),
                                o.firstReport() ? "" : " (reported before)"),
                        () -> log.info("Refund event {} was handled before", e.eventId()));
    }
}
