package io.laxin.invite.touch.application;

/**
 * A share link was opened.
 *
 * @param count false for requests that must not count as touches (HEAD)
 */
public record RecordTouchCommand(String code, String channel, String ip, String userAgent, String deviceId,
                                 boolean count) {
}
