package io.laxin.kernel.messaging;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The template of an idempotent listener. A subclass carries the {@code @RocketMQMessageListener} (topic, consumer
 * group {@code ${spring.application.name}-<purpose>}, tags — the starter needs them as constants on the class) and
 * a {@link #handle} that turns the payload into a command for its use case (which dedups on the event id with
 * {@link ProcessedEvents} in its own transaction). The template does the rest once: it reads the consumer group from
 * that annotation (the consumer's name for {@link ProcessedEvents} and {@link ParkedMessages}), parses the payload
 * with {@link EventPayloads} as the type argument {@code E} of the version {@code E.SCHEMA_VERSION} (or of any version
 * from {@code E.OLDEST_READ_VERSION} on, during a migration window, read as the newest shape), sets the retries
 * from {@code laxin.messaging.max-reconsume-times}, and runs each delivery through {@link MessageDelivery}: poison and
 * last-attempt failures are parked, not sent to the broker's DLQ.
 *
 * @param <E> the payload type; it declares {@code public static final int SCHEMA_VERSION} (or the subclass overrides
 *            {@link #parse}, e.g. to tell several payload types apart by tag)
 */
public abstract class IdempotentListener<E>
        implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener, MessageConsumer<E> {

    /** The subclass's logger. */
    protected final Logger log = LoggerFactory.getLogger(ClassUtils.getUserClass(getClass()));

    private final Class<?> type;
    private final int schemaVersion;
    private final int oldestVersion;
    private MessageDelivery delivery;
    private String consumer;

    protected IdempotentListener() {
        this.type = ResolvableType.forClass(ClassUtils.getUserClass(getClass()))
                .as(IdempotentListener.class)
                .getGeneric(0)
                .resolve();
        this.schemaVersion = versionOf(type, "SCHEMA_VERSION", -1);
        this.oldestVersion = versionOf(type, "OLDEST_READ_VERSION", schemaVersion);
    }

    private static int versionOf(Class<?> type, String field, int otherwise) {
        try {
            return type == null ? otherwise : type.getField(field).getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException | IllegalArgumentException e) {
            return otherwise;
        }
    }

    @Autowired
    public final void setMessageDelivery(MessageDelivery delivery) {
        if (schemaVersion < 0 && !parseOverridden()) {
            throw new IllegalStateException(getClass().getName() + ": the payload type " + type
                    + " declares no SCHEMA_VERSION; declare it or override parse");
        }
        this.delivery = delivery;
        this.consumer = delivery.consumerGroupOf(getClass());
    }

    private boolean parseOverridden() {
        try {
            return getClass().getMethod("parse", MessageExt.class).getDeclaringClass() != IdempotentListener.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public final String consumer() {
        return consumer;
    }

    /** Reads the body as {@code E} of its {@code SCHEMA_VERSION} (or an older one still in its migration window). */
    @Override
    @SuppressWarnings("unchecked")
    public E parse(MessageExt message) {
        return (E) EventPayloads.read(delivery.json(), message.getBody(), type, oldestVersion, schemaVersion);
    }

    protected final <T> T read(MessageExt message, Class<T> payloadType, int supportedVersion) {
        return EventPayloads.read(delivery.json(), message.getBody(), payloadType, supportedVersion);
    }

    @Override
    public final void onMessage(MessageExt message) {
        delivery.deliver(this, message);
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer pushConsumer) {
        pushConsumer.setMaxReconsumeTimes(delivery.maxReconsumeTimes());
    }
}
