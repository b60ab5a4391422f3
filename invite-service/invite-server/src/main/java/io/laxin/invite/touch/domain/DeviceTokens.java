package io.laxin.invite.touch.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device tokens the suite issues (ADR 0005): {@code ldt1.<22 random base64url>.<HMAC-SHA256(key, random) truncated
 * to 16 bytes, base64url>}. Only a touch under a valid token attributes; a client cannot mint one for a device it
 * does not hold. A token is checked against the current key and, during a rotation, the previous one; the MAC is
 * compared in constant time. New tokens are always made with the current key.
 */
public final class DeviceTokens {

    public static final String PREFIX = "ldt1.";
    /** Shorter keys are refused: the key is all that keeps tokens from being forged. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int PART_LENGTH = 22;
    private static final int LENGTH = PREFIX.length() + PART_LENGTH + 1 + PART_LENGTH;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final byte[] previousKey;
    private final SecureRandom random;

    /**
     * @param key         the current key, at least {@link #MIN_KEY_LENGTH} characters
     * @param previousKey the key before the last rotation, still accepted; null or blank when there is none
     */
    public DeviceTokens(String key, String previousKey, SecureRandom random) {
        this.key = checked(key, "the device token key");
        this.previousKey = previousKey == null || previousKey.isBlank()
                ? null
                : checked(previousKey, "the previous device token key");
        this.random = random;
    }

    private static byte[] checked(String key, String what) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** A new token under the current key. */
    public String issue() {
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        String randomPart = B64.encodeToString(r);
        return PREFIX + randomPart + "." + mac(key, randomPart);
    }

    /** Whether this is a token the suite issued under the current or the previous key. */
    public boolean isValid(String token) {
        if (token == null
                || token.length() != LENGTH
                || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + PART_LENGTH) != '.') {
            return false;
        }
        String randomPart = token.substring(PREFIX.length(), PREFIX.length() + PART_LENGTH);
        String macPart = token.substring(PREFIX.length() + PART_LENGTH + 1);
        if (!base64url(randomPart) || !base64url(macPart)) {
            return false;
        }
        byte[] sent = macPart.getBytes(StandardCharsets.US_ASCII);
        boolean valid = MessageDigest.isEqual(sent, mac(key, randomPart).getBytes(StandardCharsets.US_ASCII));
        if (previousKey != null) {
            valid |= MessageDigest.isEqual(sent, mac(previousKey, randomPart).getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    private static boolean base64url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String mac(byte[] key, String randomPart) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(randomPart.getBytes(StandardCharsets.US_ASCII));
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return B64.encodeToString(truncated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
