package io.laxin.kernel.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.outbox.*}: relay switch and pacing.
 *
 * @param relayEnabled whether this process relays (tests switch it off to simulate a crash before publishing)
 * @param lockClause   row-claiming clause; MySQL 8 / MariaDB 10.6+ / H2 2.x understand SKIP LOCKED
 * @param maxAttempts  sends of a row the broker refuses for what it is (too large…) before it is parked; failures
 *                     of the broker or the network are retried for as long as they last
 */
@ConfigurationProperties("laxin.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("FOR UPDATE SKIP LOCKED") String lockClause,
        @DefaultValue("5") int maxAttempts) {}
