package io.laxin.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a host backend signs a call, and how the gateway checks it — one implementation for the gateway, tests, the
 * local run's walkthrough and load drivers.
 *
 * <pre>
 * canonical = METHOD + "\n" + path[?query] + "\n" + timestamp + "\n" + nonce + "\n" + hex(sha256(body))
 * X-Signature = hex(HMAC-SHA256(secret, canonical))
 * </pre>
 * with {@code X-Api-Key: keyId}, {@code X-Timestamp} in epoch seconds (within ±5 minutes of the gateway) and a fresh
 * {@code X-Nonce} (16–64 of {@code [A-Za-z0-9_-]}, never reused). An empty body hashes as the empty string.
 */
public final class HostSignatures {

    public static final String API_KEY = "X-Api-Key";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String SIGNATURE = "X-Signature";
    /** How far the signed timestamp may be from the gateway's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** How long a nonce is remembered: longer than the whole window a timestamp is accepted in. */
    public static final Duration NONCE_TTL = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private HostSignatures() {}

    /** Headers for a call signed now with a fresh nonce. */
    public static Map<String, String> sign(
            String keyId, String secret, String method, String pathAndQuery, byte[] body) {
        return sign(keyId, secret, method, pathAndQuery, body, Instant.now(), newNonce());
    }

    public static Map<String, String> sign(
            String keyId, String secret, String method, String pathAndQuery, byte[] body, Instant at, String nonce) {
        String ts = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(API_KEY, keyId);
        headers.put(TIMESTAMP, ts);
        headers.put(NONCE, nonce);
        headers.put(
                SIGNATURE,
                signature(secret.getBytes(StandardCharsets.UTF_8), canonical(method, pathAndQuery, ts, nonce, body)));
        return headers;
    }

    public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return String.join(
                "\n",
                method.toUpperCase(),
                pathAndQuery,
                timestamp,
                nonce,
                sha256Hex(body == null ? new byte[0] : body));
    }

    public static String signature(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of a presented signature (hex, any case) with the expected one. */
    public static boolean matches(String expectedHex, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        expectedHex.getBytes(StandardCharsets.US_ASCII),
                        presented.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
