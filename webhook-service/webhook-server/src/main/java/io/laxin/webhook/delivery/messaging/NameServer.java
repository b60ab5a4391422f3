package io.laxin.webhook.delivery.messaging;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code rocketmq.name-server}: the broker's name server, the key every service uses (env
 * {@code ROCKETMQ_NAME_SERVER}). webhook-service uses the plain RocketMQ client, without the starter that would bind
 * it, so it binds the key here.
 *
 * @param nameServer host:port of the RocketMQ name server(s), {@code ;}-separated
 */
@Validated
@ConfigurationProperties("rocketmq")
public record NameServer(@NotBlank String nameServer) {}
