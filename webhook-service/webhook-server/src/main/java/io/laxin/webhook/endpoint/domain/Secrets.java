package io.laxin.webhook.endpoint.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Endpoint signing secrets: {@code whsec_} + 32 random bytes (base64url), shown once, masked afterwards. */
public final class Secrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code whsec_…a1b2}: enough to tell two secrets apart, not enough to sign. */
    public static String mask(String secret) {
        return PREFIX + "…" + secret.substring(Math.max(PREFIX.length(), secret.length() - 4));
    }
}
