package io.laxin.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Host backends' API keys, comma-separated: {@code keyId=secret} (the key may act on every campaign) or
 * {@code keyId=secret;campaigns=12|15} (only on those campaigns). The key id travels in {@code X-Api-Key}; the secret
 * never travels: it signs each request (see {@link HostSignatures}). A bad spec fails the start, naming the key, never
 * its secret.
 */
public final class HostApiKeys {

    private static final int MIN_SECRET_LENGTH = 24;
    private static final String PROPERTY = "laxin.gateway.auth.host-api-keys (LAXIN_HOST_API_KEYS)";
    private static final String CAMPAIGNS = "campaigns=";

    private record Key(byte[] secret, Set<Long> campaigns) {}

    private final Map<String, Key> keysById = new LinkedHashMap<>();

    public HostApiKeys(String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.split(";", -1);
            String pair = parts[0];
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new IllegalStateException(
                        PROPERTY + ": expected keyId=secret or keyId=secret;campaigns=12|15 entries, comma-separated");
            }
            String keyId = pair.substring(0, eq).trim();
            String secret = pair.substring(eq + 1).trim();
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "Host API key '" + keyId + "' is shorter than " + MIN_SECRET_LENGTH + " characters");
            }
            Set<Long> campaigns = new TreeSet<>();
            for (int i = 1; i < parts.length; i++) {
                String option = parts[i].trim();
                if (!option.startsWith(CAMPAIGNS)) {
                    throw new IllegalStateException(PROPERTY + ": host API key '" + keyId + "' has an unknown option "
                            + "(the only one is campaigns=<id>|<id>…; a secret may hold neither ',' nor ';')");
                }
                if (!campaigns.isEmpty()) {
                    throw new IllegalStateException(
                            PROPERTY + ": host API key '" + keyId + "' names campaigns= more than once");
                }
                campaigns.addAll(campaigns(keyId, option.substring(CAMPAIGNS.length())));
            }
            if (keysById.containsKey(keyId)) {
                throw new IllegalStateException(PROPERTY + ": host API key '" + keyId + "' is listed twice");
            }
            keysById.put(keyId, new Key(secret.getBytes(StandardCharsets.UTF_8), Set.copyOf(campaigns)));
        }
    }

    private static Set<Long> campaigns(String keyId, String list) {
        Set<Long> ids = new TreeSet<>();
        for (String id : list.split("\\|", -1)) {
            long campaign;
            try {
                campaign = Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                campaign = 0;
            }
            if (campaign <= 0) {
                throw new IllegalStateException(PROPERTY + ": host API key '" + keyId
                        + "': campaigns= takes campaign ids (positive numbers) separated by '|', not '" + list
                        + "'; leave campaigns= out for a key that may act on every campaign");
            }
            ids.add(campaign);
        }
        return ids;
    }

    /** The signing secret of key {@code keyId}. */
    public Optional<byte[]> secret(String keyId) {
        return Optional.ofNullable(keysById.get(keyId)).map(k -> k.secret().clone());
    }

    /** The campaigns key {@code keyId} is scoped to; empty: every campaign (or no such key). */
    public Set<Long> campaigns(String keyId) {
        Key key = keysById.get(keyId);
        return key == null ? Set.of() : key.campaigns();
    }

    /** The ids of the keys that may act on every campaign. */
    public List<String> unscoped() {
        return keysById.entrySet().stream()
                .filter(e -> e.getValue().campaigns().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }
}
