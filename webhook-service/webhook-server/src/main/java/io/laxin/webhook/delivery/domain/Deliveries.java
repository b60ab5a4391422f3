package io.laxin.webhook.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events, their deliveries and every attempt (port). */
public interface Deliveries {

    void storeEvent(WebhookEvent event, Instant now);

    /** One delivery of the event to the endpoint, due now: its id, or empty when that pair already has one. */
    Optional<Long> create(long endpointId, WebhookEvent event, Instant now);

    /**
     * Reserves up to {@code limit} deliveries that are due at {@code now}, PENDING, of enabled endpoints and not
     * reserved by a live lease, until {@code now + lease}, in the caller's transaction (which commits the reservation
     * before anything is sent).
     */
    List<Claim> claimDue(Instant now, Duration lease, int limit, String token);

    /** Gives a reservation back untouched (the endpoint was disabled meanwhile). */
    void release(Claim claim);

    void addAttempt(long deliveryId, Attempt attempt);

    /** The outcome of the claimed attempt; false when the claim had expired and another dispatcher holds it now. */
    boolean markDelivered(Claim claim, Attempt attempt, Instant now);

    boolean scheduleRetry(Claim claim, Attempt attempt, Instant nextAttemptAt);

    boolean markDead(Claim claim, Attempt attempt);

    /** Queues it again now, for a new round of attempts, whatever its status. */
    void requeue(long deliveryId, Instant now);

    Optional<Delivery> find(long deliveryId);

    Optional<String> body(long deliveryId);

    List<Attempt> attempts(long deliveryId);

    Page byEndpoint(long endpointId, DeliveryStatus status, int page, int size);

    record Page(List<Delivery> items, long total, int page, int size) {}
}
