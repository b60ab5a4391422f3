package io.laxin.kernel.identity;

import java.time.Duration;
import java.time.Instant;

/** Remembers the nonces of verified internal requests, so each signed header set is accepted once (ADR 0007). */
public interface NonceStore {

    /**
     * True the first time {@code key} is seen within {@code ttl}; false on every later use, and for a signature made
     * ({@code signedAt}) before the store's memory began, where the store can tell (Redis: {@link RedisNonces}).
     */
    boolean firstUse(String key, Instant signedAt, Duration ttl);
}
