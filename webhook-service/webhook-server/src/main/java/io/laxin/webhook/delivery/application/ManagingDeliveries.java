package io.laxin.webhook.delivery.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.webhook.api.WebhookErrorCode;
import io.laxin.webhook.api.WebhookEventTypes;
import io.laxin.webhook.delivery.domain.Attempt;
import io.laxin.webhook.delivery.domain.Deliveries;
import io.laxin.webhook.delivery.domain.Delivery;
import io.laxin.webhook.delivery.domain.DeliveryStatus;
import io.laxin.webhook.delivery.domain.WebhookEvent;
import io.laxin.webhook.endpoint.domain.Endpoint;
import io.laxin.webhook.endpoint.domain.Endpoints;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log, redelivery and test pings. */
@Service
public class ManagingDeliveries {

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public ManagingDeliveries(Deliveries deliveries, Endpoints endpoints, Clock clock, IdempotentRequests idempotency) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** A delivery with its body and every attempt. */
    public record DeliveryDetail(Delivery delivery, String body, List<Attempt> attempts) {}

    public Deliveries.Page ofEndpoint(long endpointId, DeliveryStatus status, int page, int size) {
        endpoint(endpointId);
        return deliveries.byEndpoint(endpointId, status, page, size);
    }

    public DeliveryDetail get(long deliveryId) {
        Delivery d = delivery(deliveryId);
        return new DeliveryDetail(d, deliveries.body(deliveryId).orElse(null), deliveries.attempts(deliveryId));
    }

    /** Sends it again, now, with a fresh round of attempts (the endpoint must be enabled). */
    @Transactional
    public Delivery redeliver(long deliveryId) {
        Delivery d = delivery(deliveryId);
        requireEnabled(endpoint(d.endpointId()));
        deliveries.requeue(deliveryId, clock.instant());
        return delivery(deliveryId);
    }

    /** {@link #redeliver(long)} once per Idempotency-Key: the key and the answer are recorded in its transaction. */
    @Transactional
    public <A> A redeliver(long deliveryId, IdempotentRequests.Answer<Delivery, A> answer) {
        return idempotency.once(answer, () -> redeliver(deliveryId));
    }

    /** {@link #ping(long)} once per Idempotency-Key: the key and the answer are recorded in its transaction. */
    @Transactional
    public <A> A ping(long endpointId, IdempotentRequests.Answer<Delivery, A> answer) {
        return idempotency.once(answer, () -> ping(endpointId));
    }

    /** Queues a {@code webhook.ping} event for this endpoint alone. */
    @Transactional
    public Delivery ping(long endpointId) {
        Endpoint endpoint = requireEnabled(endpoint(endpointId));
        Instant now = clock.instant();
        WebhookEvent event = WebhookEvent.of(
                "ping-" + UUID.randomUUID(), WebhookEventTypes.PING, now, "{\"endpointId\":" + endpoint.id() + "}");
        deliveries.storeEvent(event, now);
        long id = deliveries.create(endpoint.id(), event, now).orElseThrow();
        return delivery(id);
    }

    private Endpoint requireEnabled(Endpoint endpoint) {
        if (!endpoint.enabled()) {
            throw new LaxinException(
                    WebhookErrorCode.ENDPOINT_DISABLED,
                    "Webhook endpoint " + endpoint.id() + " is disabled (" + endpoint.disabledReason()
                            + "); enable it first");
        }
        return endpoint;
    }

    private Endpoint endpoint(long id) {
        return endpoints
                .find(id)
                .orElseThrow(
                        () -> new LaxinException(WebhookErrorCode.ENDPOINT_NOT_FOUND, "No webhook endpoint " + id));
    }

    private Delivery delivery(long id) {
        return deliveries
                .find(id)
                .orElseThrow(
                        () -> new LaxinException(WebhookErrorCode.DELIVERY_NOT_FOUND, "No webhook delivery " + id));
    }
}
