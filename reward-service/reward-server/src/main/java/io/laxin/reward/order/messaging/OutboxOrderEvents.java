package io.laxin.reward.order.messaging;

import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.reward.order.domain.OrderEvents;
import io.laxin.reward.order.domain.PaidOrder;
import io.laxin.reward.order.domain.Refund;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Puts an order the host reported over HTTP on the order topic on the host's behalf, so the topic's other consumers
 * (antifraud's order activity, invite's first orders) see it as if the host had published it. Written to the outbox
 * in the caller's transaction, with the order's (or refund's) source event id as the event id, sharded by the buyer.
 */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final String producer;

    OutboxOrderEvents(Outbox outbox, Topics topics, Clock clock, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
        this.producer = producer.value();
    }

    @Override
    public void paid(PaidOrder o) {
        outbox.append(
                topics.order(),
                OrderEventTags.ORDER_PAID,
                o.buyerUserId(),
                new OrderPaidEvent(
                        o.sourceEventId(),
                        producer,
                        clock.instant(),
                        OrderPaidEvent.SCHEMA_VERSION,
                        o.orderId(),
                        o.buyerUserId(),
                        o.amountFen(),
                        o.paidAt()));
    }

    /** {@code order} is the refunded order (its buyer is the shard key). */
    @Override
    public void refunded(Refund r, PaidOrder order) {
        outbox.append(
                topics.order(),
                OrderEventTags.ORDER_REFUNDED,
                order.buyerUserId(),
                new OrderRefundedEvent(
                        r.sourceEventId(),
                        producer,
                        clock.instant(),
                        OrderRefundedEvent.SCHEMA_VERSION,
                        r.refundId(),
                        r.orderId(),
                        r.amountFen(),
                        r.refundedAt()));
    }
}
