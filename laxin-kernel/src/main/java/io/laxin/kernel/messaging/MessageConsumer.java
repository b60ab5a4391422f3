package io.laxin.kernel.messaging;

import org.apache.rocketmq.common.message.MessageExt;

/**
 * One consumer of broker messages, in the two steps {@link MessageDelivery} runs: {@link #parse} (which depends on
 * the message alone, so a failure there is poison and is parked at once) and {@link #handle} (which may fail for a
 * passing cause and is retried). {@link IdempotentListener} is the template for annotated listeners; a consumer
 * that runs its own push consumer implements this directly.
 *
 * @param <E> the parsed payload
 */
public interface MessageConsumer<E> {

    /**
     * The consumer's name: its RocketMQ consumer group ({@code ${spring.application.name}-<purpose>}), the key of
     * its processed events and of its parked messages.
     */
    String consumer();

    /** The payload of the message; throws when it can never be read (bad JSON, unknown schema version). */
    E parse(MessageExt message);

    /** Applies the payload (idempotently: the use case guards on the event id in its own transaction). */
    void handle(E event);
}
