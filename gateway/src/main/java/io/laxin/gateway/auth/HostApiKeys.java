package io.laxin.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Host backends' API keys, {@code keyId=secret} pairs; a presented key is compared in constant time. */
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
                throw new IllegalStateException("Host API key '" + pair.substring(0, eq).trim() + "' is shorter than "
                        + MIN_SECRET_LENGTH + " characters");
            }
            secretsById.put(pair.substring(0, eq).trim(), secret.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The key id whose secret was presented. */
    public Optional<String> identify(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, byte[]> e : secretsById.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), candidate)) {
                match = e.getKey();
            }
        }
        return Optional.ofNullable(match);
    }
}
