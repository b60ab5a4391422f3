package io.laxin.webhook.delivery.web;

import io.laxin.webhook.delivery.domain.Delivery;
import java.time.Instant;

/** One line of the delivery log. */
public record DeliveryResponse(
        long id,
        long endpointId,
        String eventId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastResponseCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(
                d.id(),
                d.endpointId(),
                d.eventId(),
                d.eventType(),
                d.status().name(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastResponseCode(),
                d.lastError(),
                d.createdAt(),
                d.deliveredAt());
    }
}
