package io.laxin.kernel.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces this replica has seen, for services without Redis (and while Redis does not answer): bounded, oldest
 * first out. A nonce is refused only when this replica saw it; the ±5 min window keeps that gap small (ADR 0007).
 * When more than {@code maxEntries} unexpired nonces arrive within the window, the oldest are forgotten first.
 */
public final class InMemoryNonceStore implements NonceStore {

    private final int maxEntries;
    private final Clock clock;
    /** nonce → expiry (epoch millis), in insertion order; every entry has the same TTL, so also in expiry order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public InMemoryNonceStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String key, Instant signedAt, Duration ttl) {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() > now) {
                break;
            }
            it.remove();
        }
        Long expires = seen.get(key);
        if (expires != null && expires > now) {
            return false;
        }
        while (seen.size() >= maxEntries) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(key, now + ttl.toMillis());
        return true;
    }

    synchronized int size() {
        return seen.size();
    }
}
