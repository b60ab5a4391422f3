package io.laxin.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code laxin.webhook.*}: everything webhook-service can be tuned by. The defaults are here and nowhere else; a value
 * that breaks a constraint stops the start naming the property. Listed with these descriptions in the configuration
 * metadata.
 *
 * @param allowHttp             accept {@code http://} endpoint URLs (local run only)
 * @param allowPrivateAddresses accept hosts that resolve to private, loopback, link-local, CGNAT… addresses (local run
 *                              and tests only; checked at registration and again before every send)
 * @param maxEndpoints          how many endpoints may be registered
 * @param disableAfterFailures  failed attempts in a row (over all its deliveries) that disable an endpoint (its
 *                              pending deliveries wait)
 * @param connectTimeout        how long a send waits to connect to an endpoint
 * @param readTimeout           how long a send waits for an endpoint's answer
 * @param previousSecretGrace   how long a rotated-out secret still signs, next to the new one
 * @param retry                 when a failed delivery is tried again
 * @param dispatcher            the sending loop
 */
@Validated
@ConfigurationProperties("laxin.webhook")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("20") @Min(1) @Max(1000) int maxEndpoints,
        @DefaultValue("20") @Min(1) int disableAfterFailures,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue("24h") @NotNull Duration previousSecretGrace,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Dispatcher dispatcher) {

    /**
     * Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base · 2^(n-1))].
     *
     * @param base        the first wait's upper bound
     * @param cap         the largest wait
     * @param maxAttempts attempts before a delivery is DEAD
     */
    public record Retry(
            @DefaultValue("30s") @NotNull Duration base,
            @DefaultValue("2h") @NotNull Duration cap,
            @DefaultValue("20") @Min(1) @Max(100) int maxAttempts) {}

    /**
     * @param enabled      whether this process sends (tests drive the dispatcher themselves)
     * @param pollInterval how often it looks for due deliveries
     * @param batchSize    deliveries claimed per round
     * @param threads      sends at once
     * @param lease        how long a claimed delivery is reserved; must exceed connect + read timeout (a claim held
     *                     longer belongs to a dispatcher that died)
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
            @DefaultValue("8") @Min(1) @Max(256) int threads,
            @DefaultValue("2m") @NotNull Duration lease) {}

    public WebhookProperties {
        if (dispatcher != null
                && connectTimeout != null
                && readTimeout != null
                && dispatcher.lease().compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("laxin.webhook.dispatcher.lease (" + dispatcher.lease()
                    + ") must be longer than connect-timeout + read-timeout");
        }
    }
}
