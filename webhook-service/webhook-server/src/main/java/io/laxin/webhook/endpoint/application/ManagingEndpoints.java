package io.laxin.webhook.endpoint.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.webhook.WebhookProperties;
import io.laxin.webhook.api.WebhookErrorCode;
import io.laxin.webhook.api.WebhookEventTypes;
import io.laxin.webhook.endpoint.domain.Endpoint;
import io.laxin.webhook.endpoint.domain.EndpointUrls;
import io.laxin.webhook.endpoint.domain.Endpoints;
import io.laxin.webhook.endpoint.domain.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin use cases on endpoints. Every check runs before anything is written. */
@Service
public class ManagingEndpoints {

    private final Endpoints endpoints;
    private final EndpointUrls urls;
    private final WebhookProperties properties;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public ManagingEndpoints(
            Endpoints endpoints,
            EndpointUrls urls,
            WebhookProperties properties,
            Clock clock,
            IdempotentRequests idempotency) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** {@link #register} once per Idempotency-Key: the key and the answer are recorded in its transaction. */
    @Transactional
    public <A> A register(RegisterEndpointCommand command, IdempotentRequests.Answer<Endpoint, A> answer) {
        return idempotency.once(answer, () -> register(command));
    }

    /** Registers the endpoint; the answer is the only time its secret is shown. */
    @Transactional
    public Endpoint register(RegisterEndpointCommand command) {
        checkUrl(command.url());
        List<String> types = checkEventTypes(command.eventTypes());
        if (endpoints.count() >= properties.maxEndpoints()) {
            throw new LaxinException(
                    WebhookErrorCode.ENDPOINT_LIMIT_REACHED,
                    "At most " + properties.maxEndpoints()
                            + " webhook endpoints can be registered; delete or reuse one");
        }
        long id = endpoints.add(
                command.url(), command.description(), types, Secrets.generate(), command.staffId(), clock.instant());
        return get(id);
    }

    public List<Endpoint> list() {
        return endpoints.all();
    }

    public Endpoint get(long id) {
        return endpoints
                .find(id)
                .orElseThrow(
                        () -> new LaxinException(WebhookErrorCode.ENDPOINT_NOT_FOUND, "No webhook endpoint " + id));
    }

    @Transactional
    public Endpoint change(ChangeEndpointCommand command) {
        Endpoint current = get(command.endpointId());
        if (command.url() != null) {
            checkUrl(command.url());
        }
        List<String> types =
                command.eventTypes() == null ? current.eventTypes() : checkEventTypes(command.eventTypes());
        endpoints.change(
                current.id(),
                command.url() == null ? current.url() : command.url(),
                command.description() == null ? current.description() : command.description(),
                types,
                clock.instant());
        return get(current.id());
    }

    /** Enables it again: the disabled reason and the failure streak are cleared; its pending deliveries resume. */
    @Transactional
    public Endpoint enable(long id) {
        get(id);
        endpoints.enable(id, clock.instant());
        return get(id);
    }

    @Transactional
    public Endpoint disable(long id, String staffId) {
        get(id);
        endpoints.disable(id, "Disabled by " + staffId, clock.instant());
        return get(id);
    }

    /** A new secret, shown once; the old one keeps signing (next to the new) for the grace period. */
    @Transactional
    public Endpoint rotateSecret(long id) {
        Endpoint current = get(id);
        Instant now = clock.instant();
        endpoints.rotateSecret(
                id, Secrets.generate(), current.secret(), now.plus(properties.previousSecretGrace()), now);
        return get(id);
    }

    private void checkUrl(String url) {
        urls.refusal(url).ifPresent(reason -> {
            throw new LaxinException(WebhookErrorCode.ENDPOINT_URL_NOT_ALLOWED, reason);
        });
    }

    private static List<String> checkEventTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "eventTypes: list at least one event type");
        }
        List<String> unknown = eventTypes.stream()
                .filter(t -> !WebhookEventTypes.SUBSCRIBABLE.contains(t))
                .toList();
        if (!unknown.isEmpty()) {
            throw new LaxinException(
                    WebhookErrorCode.EVENT_TYPE_UNKNOWN,
                    "Unknown event types " + unknown + "; known: " + WebhookEventTypes.SUBSCRIBABLE);
        }
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }
}
