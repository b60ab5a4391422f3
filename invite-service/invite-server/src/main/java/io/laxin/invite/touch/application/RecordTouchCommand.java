package io.laxin.invite.touch.application;

/**
 * A share link was opened.
 *
 * @param deviceId    the device id the client sent ({@code d=}, X-Device-Id or the scan's body): a device token the
 *                    suite issued, or a raw id; null when none
 * @param cookieToken the {@code laxin_dt} cookie's device token, or null
 * @param count       false for requests that must not count as touches (HEAD)
 */
public record RecordTouchCommand(
        String code, String channel, String ip, String userAgent, String deviceId, String cookieToken, boolean count) {}
