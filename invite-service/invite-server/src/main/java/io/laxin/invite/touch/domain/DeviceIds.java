package io.laxin.invite.touch.domain;

/**
 * Which client-sent device ids a touch keeps. The id comes from the share link ({@code d=}) or a header and is not
 * authenticated, so it is kept only when it looks like an id: 1–{@value #MAX_LENGTH} printable ASCII characters, no
 * spaces (the same bound as a registration's {@code deviceId}). Anything else counts as no device id — the visit is
 * still counted (by IP and user agent) and redirected, but nothing of the id is stored, so no one can fill Redis
 * through share links.
 */
public final class DeviceIds {

    public static final int MAX_LENGTH = 128;

    private DeviceIds() {
    }

    /** The id when it is usable, else null. */
    public static String usableOrNull(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return null;
            }
        }
        return id;
    }
}
