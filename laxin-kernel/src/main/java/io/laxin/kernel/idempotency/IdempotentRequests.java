package io.laxin.kernel.idempotency;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} support for write endpoints: the key, a hash of the request and the first answer are stored
 * in the same transaction as the effect. A replay returns the first answer; the same key with another request is
 * refused with 422 {@code IDEMPOTENCY_KEY_REUSED}. A request that fails leaves no key behind, so it can be retried.
 * <p>
 * Two ways to use it. {@link #execute} wraps an action whose work is all in this database: it opens the transaction
 * and the action's own joins it. A use case that makes a remote call (a screening, a Redis-only step) must not run
 * inside a transaction, so it takes a {@link Key} instead: it asks {@link #earlier} before doing anything, makes its
 * remote calls, then opens its one transaction and {@link #record}s the key and its answer inside it.
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
        this.canonical = json.rebuild()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
        this.clock = clock;
    }

    /** A client's key for one request: checked, and the request fingerprinted. */
    public record Key(String scope, String key, String requestHash) {}

    /** Another request with the same key recorded its answer first (a concurrent retry); ask {@link #earlier}. */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken(Key key) {
            super("Idempotency-Key '" + key.key() + "' was recorded by a concurrent request", null, false, false);
        }
    }

    /**
     * The key of {@code request}, or null when the client sent none.
     *
     * @param scope what the key is unique within, e.g. the operation and the caller
     */
    public Key key(String scope, String key, Object request) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters");
        }
        return new Key(scope, key, fingerprint(request));
    }

    /**
     * The answer recorded under {@code key}, when a request with it succeeded before; 422 when that was another
     * request. Reads outside any transaction.
     */
    public <T> Optional<T> earlier(Key key, Class<T> answerType) {
        List<String[]> rows = jdbc.query(
                "SELECT request_hash, response FROM idempotency_record " + "WHERE scope = ? AND idem_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                key.scope(),
                key.key());
        return rows.isEmpty() ? Optional.empty() : Optional.of(answer(rows.get(0), key, answerType));
    }

    /**
     * Records {@code key} and the answer in the caller's transaction, so they commit exactly with the effect.
     *
     * @throws KeyTaken when a concurrent request with the same key committed first (roll back, then ask
     *                  {@link #earlier})
     */
    public void record(Key key, Object answer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("record an idempotency key inside the use case's transaction");
        }
        try {
            jdbc.update(
                    "INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at, response) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    key.scope(),
                    key.key(),
                    key.requestHash(),
                    Timestamp.from(clock.instant()),
                    json.writeValueAsString(answer));
        } catch (DuplicateKeyException e) {
            throw new KeyTaken(key);
        }
    }

    /**
     * Runs {@code action} once per (scope, key), in one transaction with the key. For actions that make no remote
     * call; see the class comment.
     *
     * @param scope what the key is unique within, e.g. the operation and the caller
     * @param key   the client's key, or null to run without idempotency
     */
    public <T> T execute(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        Key k = key(scope, key, request);
        if (k == null) {
            return action.get();
        }
        return tx.execute(status -> {
            try {
                jdbc.update(
                        "INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) "
                                + "VALUES (?, ?, ?, ?)",
                        scope,
                        key,
                        k.requestHash(),
                        Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException replay) {
                return replay(scope, key, k.requestHash(), responseType);
            }
            T response = action.get();
            jdbc.update(
                    "UPDATE idempotency_record SET response = ? WHERE scope = ? AND idem_key = ?",
                    json.writeValueAsString(response),
                    scope,
                    key);
            return response;
        });
    }

    private <T> T replay(String scope, String key, String requestHash, Class<T> responseType) {
        List<String[]> rows = jdbc.query(
                "SELECT request_hash, response FROM idempotency_record " + "WHERE scope = ? AND idem_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                scope,
                key);
        return answer(rows.get(0), new Key(scope, key, requestHash), responseType);
    }

    private <T> T answer(String[] row, Key key, Class<T> answerType) {
        if (!row[0].equals(key.requestHash())) {
            throw new LaxinException(
                    CommonErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key.key() + "' was already used with a different request body");
        }
        return json.readValue(row[1], answerType);
    }

    /** What a request is compared by: SHA-256 of its JSON with every map's and object's keys in order. */
    String fingerprint(Object request) {
        return sha256(canonical.writeValueAsString(request));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
