package io.laxin.webhook.delivery.domain;

/**
 * A delivery a dispatcher has reserved until its lease ends ({@code token} proves the reservation is still its own).
 *
 * @param attempts      attempts so far, all rounds
 * @param roundAttempts attempts since it was last (re)queued
 */
public record Claim(
        long deliveryId,
        long endpointId,
        String eventId,
        String eventType,
        String body,
        int attempts,
        int roundAttempts,
        String token) {}
