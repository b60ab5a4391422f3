package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;

import java.time.Instant;

/** Someone opened a share link (scan or click). */
public record Touch(long campaignId, String code, Channel channel, String ip, String userAgent, String deviceId,
                    Instant touchedAt) {
}
