package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;

import java.time.Instant;

/**
 * Someone opened a share link (scan or click).
 *
 * @param visitor who touched, as well as can be told: the device id when the page sent one, else a hash of IP and
 *                user agent
 */
public record Touch(long campaignId, String code, Channel channel, String visitor, String deviceId,
                    Instant touchedAt) {
}
