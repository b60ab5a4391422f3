package io.laxin.webhook.endpoint.domain;

import io.laxin.webhook.api.WebhookEventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A URL of the brand's that receives the event types it lists, signed with its secret. */
public record Endpoint(
        long id,
        String url,
        String description,
        List<String> eventTypes,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Endpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    /** Whether an event of this type goes to this endpoint (a ping always does). */
    public boolean subscribes(String eventType) {
        return WebhookEventTypes.PING.equals(eventType) || eventTypes.contains(eventType);
    }

    /** The secrets a request is signed with now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public String maskedSecret() {
        return Secrets.mask(secret);
    }
}
