package io.laxin.webhook.endpoint.web;

import io.laxin.webhook.endpoint.domain.Endpoint;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the admin API shows it. {@code secret} is present only in the answer to a registration or a
 * rotation (the one time it is shown); {@code maskedSecret} always.
 */
public record EndpointResponse(
        long id,
        String url,
        String description,
        List<String> eventTypes,
        String secret,
        String maskedSecret,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static EndpointResponse of(Endpoint e) {
        return of(e, false);
    }

    static EndpointResponse withSecret(Endpoint e) {
        return of(e, true);
    }

    private static EndpointResponse of(Endpoint e, boolean showSecret) {
        return new EndpointResponse(
                e.id(),
                e.url(),
                e.description(),
                e.eventTypes(),
                showSecret ? e.secret() : null,
                e.maskedSecret(),
                e.enabled(),
                e.disabledReason(),
                e.disabledAt(),
                e.consecutiveFailures(),
                e.createdBy(),
                e.createdAt(),
                e.updatedAt());
    }
}
