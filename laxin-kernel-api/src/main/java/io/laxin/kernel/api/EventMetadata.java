package io.laxin.kernel.api;

import java.time.Instant;

/**
 * What every event on the wire carries, besides its payload. Event payload records in the api jars implement this;
 * {@link #eventId()} is also the RocketMQ message key.
 */
public interface EventMetadata {

    String eventId();

    String producer();

    Instant occurredAt();

    int schemaVersion();
}
