package io.laxin.kernel.messaging;

import io.laxin.kernel.error.LaxinException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a message is consumed: parse it (unreadable or of an unknown schema version: parked at once, retrying
 * cannot help), handle it (a failure is thrown back so the broker redelivers, until the last allowed attempt, where
 * the message is parked instead), log uniformly. A parked message is acknowledged — it never reaches the broker's
 * {@code %DLQ%} queue, which nothing reads — and counted in {@value #PARKED_METRIC} (tag {@code consumer}) so it can
 * be alerted on. Only when it cannot be parked (its database is down) is the failure thrown, and the broker keeps it.
 * A consumer that throws {@link IgnoredMessage} (the message is not true) has it acknowledged, logged and counted in
 * {@value #IGNORED_METRIC}, never retried.
 */
public class MessageDelivery {

    public static final String PARKED_METRIC = "laxin.messages.parked";
    /** Messages a consumer acknowledged and ignored ({@link IgnoredMessage}), tag {@code consumer}. */
    public static final String IGNORED_METRIC = "laxin.messages.ignored";
    /** Longest reason kept with a parked message. */
    public static final int REASON_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final ParkedMessages parked;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Environment environment;
    private final int maxReconsumeTimes;

    /**
     * @param maxReconsumeTimes redeliveries before a failing message is parked ({@code laxin.messaging
     *                          .max-reconsume-times}); the broker's retry count, so attempt {@code max + 1} is the last
     */
    public MessageDelivery(
            ParkedMessages parked,
            MeterRegistry meters,
            JsonMapper json,
            Environment environment,
            int maxReconsumeTimes) {
        this.parked = parked;
        this.meters = meters;
        this.json = json;
        this.environment = environment;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public int maxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public JsonMapper json() {
        return json;
    }

    /** The consumer group a listener class declares in its {@link RocketMQMessageListener}, placeholders resolved. */
    public String consumerGroupOf(Class<?> listener) {
        RocketMQMessageListener annotation = AnnotatedElementUtils.findMergedAnnotation(
                ClassUtils.getUserClass(listener), RocketMQMessageListener.class);
        if (annotation == null) {
            throw new IllegalStateException(listener.getName() + " has no @RocketMQMessageListener");
        }
        return environment.resolveRequiredPlaceholders(annotation.consumerGroup());
    }

    /** Consumes one delivery: returns when it is done or parked, throws when the broker should redeliver it. */
    public <E> void deliver(MessageConsumer<E> consumer, MessageExt message) {
        int attempt = message.getReconsumeTimes() + 1;
        E event;
        try {
            event = consumer.parse(message);
        } catch (RuntimeException e) {
            park(consumer.consumer(), message, e, attempt, "it cannot be read");
            return;
        }
        try {
            consumer.handle(event);
        } catch (IgnoredMessage e) {
            ignored(consumer.consumer(), message, e);
            return;
        } catch (RuntimeException e) {
            if (message.getReconsumeTimes() >= maxReconsumeTimes) {
                park(consumer.consumer(), message, e, attempt, "its last attempt failed");
                return;
            }
            log.warn(
                    "{}: message {} (keys {}, {} {}) failed on attempt {} of {}, the broker will redeliver it: {}",
                    consumer.consumer(),
                    message.getMsgId(),
                    message.getKeys(),
                    message.getTopic(),
                    message.getTags(),
                    attempt,
                    maxReconsumeTimes + 1,
                    reason(e));
            throw e;
        }
        log.debug(
                "{}: message {} (keys {}) consumed on attempt {}",
                consumer.consumer(),
                message.getMsgId(),
                message.getKeys(),
                attempt);
    }

    /** Runs a parked message through its consumer again; a failure is thrown to the caller. */
    public <E> void replay(MessageConsumer<E> consumer, MessageExt message) {
        consumer.handle(consumer.parse(message));
    }

    private void ignored(String consumer, MessageExt message, IgnoredMessage e) {
        Counter.builder(IGNORED_METRIC)
                .description("Messages a consumer acknowledged without acting on, their owner not confirming them")
                .tag("consumer", consumer)
                .register(meters)
                .increment();
        log.warn(
                "{}: message {} (keys {}, {} {}) acknowledged and ignored: {}",
                consumer,
                message.getMsgId(),
                message.getKeys(),
                message.getTopic(),
                message.getTags(),
                e.getMessage());
    }

    private void park(String consumer, MessageExt message, RuntimeException cause, int attempt, String why) {
        String reason = reason(cause);
        try {
            long id = parked.park(new ParkedMessage.Parking(
                    consumer,
                    message.getTopic(),
                    message.getTags(),
                    message.getKeys(),
                    message.getMsgId(),
                    eventId(message.getBody()),
                    body(message),
                    reason,
                    attempt));
            Counter.builder(PARKED_METRIC)
                    .description("Messages a consumer gave up on and parked for operations")
                    .tag("consumer", consumer)
                    .register(meters)
                    .increment();
            log.error(
                    "{}: message {} (keys {}, {} {}) parked as #{} after attempt {}, {}: {}",
                    consumer,
                    message.getMsgId(),
                    message.getKeys(),
                    message.getTopic(),
                    message.getTags(),
                    id,
                    attempt,
                    why,
                    reason);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error(
                    "{}: message {} could not be parked ({}); the broker keeps it",
                    consumer,
                    message.getMsgId(),
                    e.toString());
            throw cause;
        }
    }

    /** Exception class and message (with a service's error code), at most {@value #REASON_LENGTH} characters. */
    public static String reason(Throwable e) {
        String text = e instanceof LaxinException l
                ? e.getClass().getName() + ": " + l.errorCode().name() + " " + e.getMessage()
                : e.toString();
        return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
    }

    private static String body(MessageExt message) {
        return message.getBody() == null ? "" : new String(message.getBody(), StandardCharsets.UTF_8);
    }

    /** The payload's {@code eventId} when the body is a JSON object that has one, whatever else is wrong with it. */
    private String eventId(byte[] body) {
        try {
            JsonNode v = json.readTree(new String(body, StandardCharsets.UTF_8)).get("eventId");
            return v == null || !v.isString() || v.asString().length() > 64 ? null : v.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
