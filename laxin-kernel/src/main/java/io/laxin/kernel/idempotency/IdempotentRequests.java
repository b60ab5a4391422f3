package io.laxin.kernel.idempotency;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} support for write endpoints: the key, a hash of the request and the first answer are stored
 * in the same transaction as the effect. A replay returns the first answer; the same key with another request is
 * refused with 422 {@code IDEMPOTENCY_KEY_REUSED}. A request that fails leaves no key behind, so it can be retried.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 64;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    /** Keys of maps and properties sorted, so the same request hashes the same on every replica (Map.of's order
     *  changes from one JVM to the next). */
    private final JsonMapper canonical;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per (scope, key).
     *
     * @param scope what the key is unique within, e.g. the operation and the caller
     * @param key   the client's key, or null to run without idempotency
     */
    public <T> T execute(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String requestHash = fingerprint(request);
        return tx.execute(status -> {
            try {
                jdbc.update("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) "
                        + "VALUES (?, ?, ?, ?)", scope, key, requestHash, Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException replay) {
                return replay(scope, key, requestHash, responseType);
            }
            T response = action.get();
            jdbc.update("UPDATE idempotency_record SET response = ? WHERE scope = ? AND idem_key = ?",
                    json.writeValueAsString(response), scope, key);
            return response;
        });
    }

    private <T> T replay(String scope, String key, String requestHash, Class<T> responseType) {
        List<String[]> rows = jdbc.query("SELECT request_hash, response FROM idempotency_record "
                        + "WHERE scope = ? AND idem_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, scope, key);
        String[] row = rows.get(0);
        if (!row[0].equals(requestHash)) {
            throw new LaxinException(CommonErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key + "' was already used with a different request body");
        }
        return json.readValue(row[1], responseType);
    }

    /** What a request is compared by: SHA-256 of its JSON with every map's and object's keys in order. */
    String fingerprint(Object request) {
        return sha256(canonical.writeValueAsString(request));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
