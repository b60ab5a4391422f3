package io.laxin.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The path a request names, decoded once, as routing and the services read it — so the access policy decides on the
 * same path that is routed ({@code /%61pi/v1/rewards/mine} is {@code /api/v1/rewards/mine}). A path that could mean
 * different things to different readers is refused instead of guessed at: an encoded slash, backslash, NUL or
 * percent sign (double encoding), a {@code .} or {@code ..} segment, an empty segment, a control character, or
 * percent-encoding that is not UTF-8.
 */
public final class RequestPaths {

    private static final String[] AMBIGUOUS = {"%2f", "%5c", "%00", "%25"};

    private RequestPaths() {}

    /** The decoded path, or empty when it is not in canonical form. */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/' || raw.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String a : AMBIGUOUS) {
            if (lower.contains(a)) {
                return Optional.empty();
            }
        }
        String decoded;
        try {
            decoded = decode(raw);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        String[] segments = decoded.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".") || s.equals("..") || (s.isEmpty() && !last)) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded);
    }

    /** Strict percent-decoding: every {@code %} starts two hex digits, and the bytes are UTF-8. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return utf8.decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
