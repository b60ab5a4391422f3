package io.laxin.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The kernel's settings every service shares ({@code laxin.redis.*}, {@code laxin.jobs.*}, {@code laxin.messaging.*},
 * {@code laxin.api-docs.*}); the defaults are here and nowhere else. Topics, the outbox and internal identity have
 * their own records ({@code Topics}, {@code OutboxProperties}, {@code IdentityProperties}).
 *
 * @param redis     keys in Redis
 * @param jobs      long jobs (table {@code job_run})
 * @param messaging consuming
 * @param apiDocs   the service's OpenAPI document
 */
@Validated
@ConfigurationProperties("laxin")
public record KernelProperties(
        @DefaultValue @Valid Redis redis,
        @DefaultValue @Valid Jobs jobs,
        @DefaultValue @Valid Messaging messaging,
        @DefaultValue @Valid ApiDocs apiDocs) {

    /**
     * @param keyPrefix every Redis key this app writes starts with it (tests and environments sharing one Redis use
     *                  their own)
     */
    public record Redis(@DefaultValue("laxin:") @NotNull String keyPrefix) {}

    /**
     * @param lease   how long a run holds its job and subject without a heartbeat before another replica may take it
     * @param threads long jobs run at once on this replica
     * @param queue   long jobs waiting for a thread; more are refused
     */
    public record Jobs(
            @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
            Duration lease,

            @DefaultValue("2") @Positive int threads,
            @DefaultValue("50") @Positive int queue) {}

    /** @param maxReconsumeTimes deliveries of a failing message before it is parked */
    public record Messaging(@DefaultValue("16") @Positive int maxReconsumeTimes) {}

    /**
     * @param title       the document's title (none: the application's name)
     * @param version     the API's version
     * @param description what the service does
     */
    public record ApiDocs(
            String title,
            @DefaultValue("0.1.0") String version,
            @DefaultValue("") String description) {}
}
