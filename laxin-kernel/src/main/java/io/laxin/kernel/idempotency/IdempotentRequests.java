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
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} support for write endpoints: the key, a hash of the request and the first answer are stored
 * in the same transaction as the effect. A replay returns the first answer; the same key with another request is
 * refused with 422 {@code IDEMPOTENCY_KEY_REUSED}. A request that fails leaves no key behind, so it can be retried.
 * <p>
 * One way, used by the use case (never by a controller; a house rule checks it): the web layer only turns the header
 * into a {@link Key} ({@link #key}) — with the type its answer is given in and how the use case's result becomes that
 * answer, an {@link Answer} — and hands it to the use case. The use case asks {@link #earlier} before anything else,
 * makes its remote and Redis-only calls with no transaction open, then opens its one transaction and runs its writes
 * through {@link #once} inside it, which records the key and the answer with them (or returns the answer a concurrent
 * retry recorded first, without running them). {@code AttributingRegistration} records with {@link #record} instead,
 * as its writes may find the registration already bound.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 64;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    /** Keys of maps and properties sorted, so the same request hashes the same on every replica (Map.of's order
     *  changes from one JVM to the next). */
    private final JsonMapper canonical;

    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.canonical = json.rebuild()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
        this.clock = clock;
    }

    /** A client's key for one request: checked, and the request fingerprinted. */
    public record Key(String scope, String key, String requestHash) {}

    /**
     * What a keyed request answers: the client's key (null when it sent none), the answer's type, and how the use
     * case's result becomes the answer. The answer is what the client gets, what the key records and what a replay
     * returns. Built by the web layer, handed to the use case.
     */
    public record Answer<R, A>(Key key, Class<A> type, Function<? super R, ? extends A> of) {

        /** The use case's result is the answer itself. */
        public static <A> Answer<A, A> as(Key key, Class<A> type) {
            return new Answer<>(key, type, Function.identity());
        }
    }

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
        requireTransaction();
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

    /** The answer recorded under the answer's key (none when it has no key); see {@link #earlier(Key, Class)}. */
    public <A> Optional<A> earlier(Answer<?, A> answer) {
        return answer.key() == null ? Optional.empty() : earlier(answer.key(), answer.type());
    }

    /**
     * Runs {@code effect} once per key, in the caller's transaction ({@code MANDATORY}: refused when none is
     * active): takes the key first — a concurrent retry with the same key waits for this transaction and then
     * returns this answer — runs the effect, and records the answer it makes. When the key was recorded before,
     * returns that answer and runs nothing (422 when it was another request). Without a key it only runs the effect.
     */
    public <R, A> A once(Answer<R, A> answer, Supplier<? extends R> effect) {
        requireTransaction();
        Key key = answer.key();
        if (key == null) {
            return answer.of().apply(effect.get());
        }
        try {
            jdbc.update(
                    "INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    key.scope(),
                    key.key(),
                    key.requestHash(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException taken) {
            // a locking read: it sees the committed row even when this transaction read before the row was there
            List<String[]> rows = jdbc.query(
                    "SELECT request_hash, response FROM idempotency_record WHERE scope = ? AND idem_key = ? "
                            + "FOR UPDATE",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                    key.scope(),
                    key.key());
            return answer(rows.get(0), key, answer.type());
        }
        A first = answer.of().apply(effect.get());
        jdbc.update(
                "UPDATE idempotency_record SET response = ? WHERE scope = ? AND idem_key = ?",
                json.writeValueAsString(first),
                key.scope(),
                key.key());
        return first;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("record an idempotency key inside the use case's transaction");
        }
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
