package io.laxin.invite.touch.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code scene} of a mini-program code (小程序码): the poster-service draws it as {@code i=<code>&c=<channel>}
 * (WeChat allows 32 characters). The mini-program receives it in {@code onLoad(query)} URL-encoded, and some hosts
 * encode it again, so up to two rounds of percent-decoding are undone. Other keys are ignored; the channel may be
 * left out (it then counts as {@code qr}: a mini-program code was scanned).
 *
 * @param code    the invite code as written in the scene, not yet normalised
 * @param channel the channel tag, or {@code qr} when the scene names none
 */
public record Scene(String code, String channel) {

    /** Longer than any scene WeChat accepts, even encoded twice. */
    public static final int MAX_LENGTH = 128;

    static final String DEFAULT_CHANNEL = "qr";

    /** The scene's code and channel, or empty when it is not a scene (too long, no {@code i=}, not decodable). */
    public static Optional<Scene> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String s = raw.trim();
        for (int round = 0; round < 2 && s.contains("%"); round++) {
            try {
                s = URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                return Optional.empty();
            }
        }
        String code = null;
        String channel = null;
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (key.equals("i") && code == null && !value.isEmpty()) {
                code = value;
            } else if (key.equals("c") && channel == null && !value.isEmpty()) {
                channel = value;
            }
        }
        return code == null
                ? Optional.empty()
                : Optional.of(new Scene(code, channel != null ? channel : DEFAULT_CHANNEL));
    }
}
