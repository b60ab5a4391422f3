package io.laxin.webhook.delivery.domain;

import java.time.Instant;

/** One event to one endpoint, as the delivery log shows it. */
public record Delivery(
        long id,
        long endpointId,
        String eventId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastResponseCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {}
