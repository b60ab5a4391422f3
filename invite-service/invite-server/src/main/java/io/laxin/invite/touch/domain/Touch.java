package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;
import java.time.Instant;
import java.util.List;

/**
 * Someone opened a share link (scan or click).
 *
 * @param visitors  who touched, as well as can be told: the device id when the page sent one, else a hash of IP and
 *                  user agent — this one decides whether the touch is a new unique one; then the device token the
 *                  touch answered when it differs, only marked as seen, so the device's next visit with its new token
 *                  is the same visitor
 * @param deviceIds the devices this touch is remembered under for attribution (ADR 0005): the device token, and
 *                  under a campaign that still takes legacy ids the raw id sent with it; empty when none
 */
public record Touch(
        long campaignId,
        String code,
        Channel channel,
        List<String> visitors,
        List<String> deviceIds,
        Instant touchedAt) {

    public Touch {
        if (visitors == null || visitors.isEmpty()) {
            throw new IllegalArgumentException("A touch needs a visitor");
        }
        visitors = List.copyOf(visitors);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    /**
     * The device tokens among {@link #deviceIds}: the touch is kept durably under these (issue 14 item 13); a legacy
     * raw id, remembered while its campaign still takes legacy ids, lives in Redis only.
     */
    public List<String> deviceTokens() {
        return deviceIds.stream()
                .filter(d -> d.startsWith(DeviceTokens.PREFIX) && d.length() <= MAX_TOKEN_LENGTH)
                .toList();
    }

    /** What {@code device_touch.device_id} holds; a device token is 50 characters. */
    private static final int MAX_TOKEN_LENGTH = 64;
}
