package io.laxin.webhook.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Laxin-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>} (the
 * Stripe shape). While a rotated secret's grace period runs the header carries one {@code v1} per secret, and a
 * receiver accepts the request when any of them matches.
 *
 * <p>Plain Java 17 with no dependencies, so a brand's backend can copy {@link #verify} as it is (docs/integration.md
 * quotes it). Verify over the raw body bytes as received, before any JSON parsing.
 */
public final class WebhookSignature {

    /** How old a signature a receiver accepts by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The header value for a body signed at {@code timestamp} with each of {@code secrets}. */
    public static String header(long timestamp, String body, List<String> secrets) {
        StringBuilder h = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            h.append(",v1=").append(hmacHex(secret, timestamp + "." + body));
        }
        return h.toString();
    }

    /**
     * True when {@code header} carries a {@code v1} signature of {@code body} by {@code secret} and its timestamp is
     * within {@code tolerance} of {@code now} (either way). Constant-time comparison.
     */
    public static boolean verify(String header, String body, String secret, Duration tolerance, Instant now) {
        if (header == null || body == null || secret == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null
                || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmacHex(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatures) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    /** {@link #verify} with the default tolerance (5 minutes) and the system clock. */
    public static boolean verify(String header, String body, String secret) {
        return verify(header, body, secret, DEFAULT_TOLERANCE, Instant.now());
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
