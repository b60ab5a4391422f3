package io.laxin.kernel.messaging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code laxin.outbox.*}: relay switch and pacing.
 *
 * @param relayEnabled whether this process relays (tests switch it off to simulate a crash before publishing)
 * @param pollInterval how often the relay looks for rows a commit did not hand it directly
 * @param batchSize    rows claimed per round
 * @param sendTimeout  how long a send waits for the broker
 * @param lockClause   row-claiming clause; MySQL 8 / MariaDB 10.6+ / H2 2.x understand SKIP LOCKED
 * @param maxAttempts  sends of a row the broker refuses for what it is (too large…) before it is parked; failures
 *                     of the broker or the network are retried for as long as they last
 */
@Validated
@ConfigurationProperties("laxin.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,

        @DefaultValue("500ms") @NotNull @DurationMin(millis = 1)
        Duration pollInterval,

        @DefaultValue("100") @Positive int batchSize,

        @DefaultValue("3s") @NotNull @DurationMin(millis = 1)
        Duration sendTimeout,

        @DefaultValue("FOR UPDATE SKIP LOCKED") @NotNull String lockClause,
        @DefaultValue("5") @Positive int maxAttempts) {}
