package io.laxin.invite.touch.domain;

import io.laxin.kernel.api.ExternalIds;

/**
 * Which client-sent device ids a touch keeps. The id comes from the share link ({@code d=}) or a header and is not
 * authenticated, so it is kept only when it looks like an id: 1–128 printable ASCII characters, no
 * spaces (the same bound as a registration's {@code deviceId}). Anything else counts as no device id — the visit is
 * still counted (by IP and user agent) and redirected, but nothing of the id is stored, so no one can fill Redis
 * through share links. A usable id tells the visitor apart; it attributes only when it is a device token the suite
 * issued ({@link DeviceTokens}, ADR 0005), or while the campaign still takes legacy ids.
 */
public final class DeviceIds {

    private DeviceIds() {}

    /** The id when it is usable ({@link ExternalIds#isDeviceId}, the registration's rule too), else null. */
    public static String usableOrNull(String id) {
        return ExternalIds.isDeviceId(id) ? id : null;
    }
}
