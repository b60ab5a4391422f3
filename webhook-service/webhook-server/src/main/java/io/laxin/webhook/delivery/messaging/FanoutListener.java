package io.laxin.webhook.delivery.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.kernel.messaging.MessageConsumer;
import io.laxin.kernel.messaging.MessageDelivery;
import io.laxin.webhook.delivery.application.FanningOutEvent;
import io.laxin.webhook.delivery.domain.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the referral, reward and risk topics with its own consumer group ({@code webhook-service-fanout}; one push
 * consumer subscribed to the three) and hands each mapped message to {@link FanningOutEvent}, through the kernel's
 * {@link MessageDelivery} like every listener. Generic: the event id and time come from the payload's
 * {@code eventId} / {@code occurredAt}; the payload is forwarded as the producer wrote it, once its schema version
 * is one this service knows (otherwise the message is parked at once, not forwarded in a shape nobody checked). A
 * failure leaves the message to the broker to redeliver, and the last attempt parks it.
 */
public class FanoutListener implements SmartLifecycle, MessageConsumer<Optional<WebhookEvent>> {

    private static final Logger log = LoggerFactory.getLogger(FanoutListener.class);

    private final FanningOutEvent fanning;
    private final EventCatalog catalog;
    private final JsonMapper json;
    private final MessageDelivery delivery;
    private final String namesrv;
    private final String group;
    private final AtomicLong handled = new AtomicLong();
    private volatile DefaultMQPushConsumer consumer;

    /** @param group the RocketMQ consumer group: {@code ${spring.application.name}-fanout} */
    public FanoutListener(
            FanningOutEvent fanning,
            EventCatalog catalog,
            JsonMapper json,
            MessageDelivery delivery,
            String namesrv,
            String group) {
        this.fanning = fanning;
        this.catalog = catalog;
        this.json = json;
        this.delivery = delivery;
        this.namesrv = namesrv;
        this.group = group;
    }

    @Override
    public String consumer() {
        return group;
    }

    /** The event to forward; empty for a tag this service does not map or a payload without usable id / time. */
    @Override
    public Optional<WebhookEvent> parse(MessageExt message) {
        var entry = catalog.find(message.getTopic(), message.getTags());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = message.getBody();
        EventPayloads.read(
                json,
                body,
                entry.get().payloadType(),
                entry.get().oldestSchemaVersion(),
                entry.get().schemaVersion());
        JsonNode tree = json.readTree(new String(body, StandardCharsets.UTF_8));
        String eventId = text(tree, "eventId");
        String occurredAt = text(tree, "occurredAt");
        if (eventId == null || eventId.isBlank() || eventId.length() > 64 || occurredAt == null || !tree.isObject()) {
            log.warn(
                    "Not forwarded: {} {} message {} has no usable eventId / occurredAt",
                    message.getTopic(),
                    message.getTags(),
                    message.getMsgId());
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            log.warn("Not forwarded: event {} has occurredAt '{}'", eventId, occurredAt);
            return Optional.empty();
        }
        String data = new String(body, StandardCharsets.UTF_8).strip();
        return Optional.of(WebhookEvent.of(eventId, entry.get().type(), at, data));
    }

    /** Fans the event out (a duplicate is skipped by the use case). */
    @Override
    public void handle(Optional<WebhookEvent> event) {
        event.ifPresent(fanning::fanOut);
    }

    /** Messages handled to the end since start (forwarded, duplicate, not mapped or parked), for health and tests. */
    public long handled() {
        return handled.get();
    }

    private static String text(JsonNode tree, String field) {
        JsonNode v = tree.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    @Override
    public void start() {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv);
        // one JVM may hold several apps (the local run): this consumer gets its own client instance
        c.setInstanceName(group + "-" + UUID.randomUUID());
        // a new group starts at the oldest retained message: events published before the first start still count
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setMaxReconsumeTimes(delivery.maxReconsumeTimes());
        try {
            for (String topic : catalog.topics()) {
                c.subscribe(topic, catalog.tagExpression(topic));
            }
            c.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt m : messages) {
                    try {
                        delivery.deliver(this, m);
                        handled.incrementAndGet();
                    } catch (RuntimeException e) {
                        return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            c.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Could not start the webhook fan-out consumer", e);
        }
        consumer = c;
    }

    @Override
    public void stop() {
        DefaultMQPushConsumer c = consumer;
        if (c != null) {
            c.shutdown();
            consumer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }
}
