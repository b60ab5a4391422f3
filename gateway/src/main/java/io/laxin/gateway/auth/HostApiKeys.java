package io.laxin.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Host backends' API keys, {@code keyId=secret} pairs. The key id travels in {@code X-Api-Key}; the secret never
 * travels: it signs each request (see {@link HostSignatures}).
 */
public final class HostApiKeys {

    private static final int MIN_SECRET_LENGTH = 24;

    private final Map<String, byte[]> secretsById = new LinkedHashMap<>();

    public HostApiKeys(String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("laxin.gateway.auth.host-api-keys: expected keyId=secret pairs");
            }
            String secret = pair.substring(eq + 1).trim();
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("Host API key '"
                        + pair.substring(0, eq).trim() + "' is shorter than " + MIN_SECRET_LENGTH + " characters");
            }
            secretsById.put(pair.substring(0, eq).trim(), secret.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The signing secret of key {@code keyId}. */
    public Optional<byte[]> secret(String keyId) {
        return Optional.ofNullable(secretsById.get(keyId)).map(byte[]::clone);
    }
}
