package io.laxin.webhook.delivery.application;

import io.laxin.webhook.WebhookProperties;
import io.laxin.webhook.api.WebhookHeaders;
import io.laxin.webhook.api.WebhookSignature;
import io.laxin.webhook.delivery.domain.Attempt;
import io.laxin.webhook.delivery.domain.Claim;
import io.laxin.webhook.delivery.domain.Deliveries;
import io.laxin.webhook.delivery.domain.RetrySchedule;
import io.laxin.webhook.delivery.domain.WebhookSender;
import io.laxin.webhook.endpoint.domain.Endpoint;
import io.laxin.webhook.endpoint.domain.EndpointUrls;
import io.laxin.webhook.endpoint.domain.Endpoints;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due. Each round claims due deliveries (a lease, committed), sends them outside any transaction on the
 * dispatch pool, then records each attempt and its consequence in a short transaction: delivered; retry later
 * (backoff with full jitter); DEAD after the last attempt of the round. Failed attempts in a row disable the endpoint.
 * A dispatcher that dies between claim and record leaves a lease that expires: the delivery is claimed again.
 * Several replicas may dispatch at once (claims skip rows another replica holds).
 */
@Service
public class Dispatching {

    private static final Logger log = LoggerFactory.getLogger(Dispatching.class);

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final EndpointUrls urls;
    private final WebhookSender sender;
    private final TransactionTemplate tx;
    private final ExecutorService pool;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final Clock clock;

    public Dispatching(
            Deliveries deliveries,
            Endpoints endpoints,
            EndpointUrls urls,
            WebhookSender sender,
            TransactionTemplate tx,
            ExecutorService webhookDispatchPool,
            WebhookProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.urls = urls;
        this.sender = sender;
        this.tx = tx;
        this.pool = webhookDispatchPool;
        this.properties = properties;
        this.schedule = new RetrySchedule(
                properties.retry().base(),
                properties.retry().cap(),
                properties.retry().maxAttempts());
        this.clock = clock;
    }

    /** One round: claims what is due and sends it; answers how many deliveries it claimed. */
    public int runOnce() throws InterruptedException {
        List<Claim> claims = claim();
        if (claims.isEmpty()) {
            return 0;
        }
        List<Callable<Void>> sends = claims.stream()
                .<Callable<Void>>map(c -> () -> {
                    try {
                        deliver(c);
                    } catch (RuntimeException e) {
                        // recorded nothing: the lease expires and the delivery is tried again
                        log.warn("Webhook delivery {} not recorded: {}", c.deliveryId(), e.toString());
                    }
                    return null;
                })
                .toList();
        pool.invokeAll(sends);
        return claims.size();
    }

    /** Reserves the due deliveries (committed before anything is sent). */
    public List<Claim> claim() {
        List<Claim> claims = tx.execute(status -> deliveries.claimDue(
                clock.instant(),
                properties.dispatcher().lease(),
                properties.dispatcher().batchSize(),
                UUID.randomUUID().toString()));
        return claims == null ? List.of() : claims;
    }

    /** Sends one claimed delivery and records the attempt. */
    public void deliver(Claim claim) {
        Optional<Endpoint> found = endpoints.find(claim.endpointId());
        if (found.isEmpty() || !found.get().enabled()) {
            deliveries.release(claim);
            return;
        }
        Endpoint endpoint = found.get();
        Instant started = clock.instant();
        WebhookSender.Response response = send(endpoint, claim, started);
        long latency = Math.max(0, Duration.between(started, clock.instant()).toMillis());
        Attempt attempt = new Attempt(
                claim.attempts() + 1, started, latency, response.statusCode(), response.body(), response.error());
        tx.executeWithoutResult(status -> record(endpoint, claim, attempt));
    }

    private WebhookSender.Response send(Endpoint endpoint, Claim claim, Instant now) {
        URI uri;
        try {
            uri = URI.create(endpoint.url());
        } catch (IllegalArgumentException e) {
            return new WebhookSender.Response(null, null, "Invalid URL: " + e.getMessage());
        }
        // again at send time: the host's DNS answer may have changed since registration (DNS rebinding)
        Optional<String> refused = urls.addressRefusal(uri);
        if (refused.isPresent()) {
            return new WebhookSender.Response(null, null, "Not sent: " + refused.get());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", WebhookHeaders.USER_AGENT);
        headers.put(WebhookHeaders.EVENT_ID, claim.eventId());
        headers.put(WebhookHeaders.EVENT_TYPE, claim.eventType());
        headers.put(WebhookHeaders.DELIVERY_ID, Long.toString(claim.deliveryId()));
        headers.put(
                WebhookHeaders.SIGNATURE,
                WebhookSignature.header(now.getEpochSecond(), claim.body(), endpoint.signingSecrets(now)));
        return sender.send(endpoint.url(), headers, claim.body());
    }

    private void record(Endpoint endpoint, Claim claim, Attempt attempt) {
        deliveries.addAttempt(claim.deliveryId(), attempt);
        Instant now = clock.instant();
        if (attempt.succeeded()) {
            deliveries.markDelivered(claim, attempt, now);
            endpoints.resetFailures(endpoint.id());
            return;
        }
        int round = claim.roundAttempts() + 1;
        if (schedule.exhausted(round)) {
            deliveries.markDead(claim, attempt);
        } else {
            Duration wait = schedule.delayAfter(round, ThreadLocalRandom.current()::nextDouble);
            deliveries.scheduleRetry(claim, attempt, now.plus(wait));
        }
        int streak = endpoints.addFailure(endpoint.id());
        if (streak >= properties.disableAfterFailures()) {
            String reason = streak + " consecutive failed deliveries; last: " + attempt.summary() + " (delivery "
                    + claim.deliveryId() + ", " + attempt.at() + ")";
            if (endpoints.disable(endpoint.id(), reason, now)) {
                log.warn("Webhook endpoint {} disabled: {}", endpoint.id(), reason);
            }
        }
    }
}
