package io.laxin.kernel.identity;

import java.time.Duration;

/** Remembers the nonces of verified internal requests, so each signed header set is accepted once (ADR 0007). */
public interface NonceStore {

    /** True the first time {@code key} is seen within {@code ttl}; false on every later use. */
    boolean firstUse(String key, Duration ttl);
}
