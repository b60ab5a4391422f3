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
 *
 * <p>What the store cannot have seen it refuses, as the Redis store does after Redis lost its nonces
 * ({@link RedisNonces}): a signature made before its memory began — the start of the second before the store was
 * created, i.e. before this process started, so a header set used before a restart cannot be replayed after it — and,
 * once more than {@code maxEntries} unexpired nonces arrived within the window and the oldest had to be forgotten, a
 * signature made no later than the second of the newest one forgotten. A legitimate request refused so is signed
 * afresh on retry.
 */
public final class InMemoryNonceStore implements NonceStore {

    private final int maxEntries;
    private final Clock clock;
    /** nonce → when it expires and when it was signed, in insertion order (every entry has the same TTL). */
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
    /** Epoch millis: a signature made before it is refused, as the store cannot tell whether it saw its nonce. */
    private long memorySince;

    private record Seen(long expires, long signedAt) {}

    public InMemoryNonceStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.memorySince = (clock.instant().getEpochSecond() - 1) * 1000;
    }

    @Override
    public synchronized boolean firstUse(String key, Instant signedAt, Duration ttl) {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Seen>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().expires() > now) {
                break;
            }
            it.remove();
        }
        if (signedAt.toEpochMilli() < memorySince) {
            return false;
        }
        Seen known = seen.get(key);
        if (known != null && known.expires() > now) {
            return false;
        }
        while (seen.size() >= maxEntries) {
            Iterator<Seen> oldest = seen.values().iterator();
            Seen forgotten = oldest.next();
            oldest.remove();
            // its nonce may come again: refuse what was signed in its second or before
            memorySince = Math.max(memorySince, (Math.floorDiv(forgotten.signedAt(), 1000) + 1) * 1000);
        }
        seen.put(key, new Seen(now + ttl.toMillis(), signedAt.toEpochMilli()));
        return true;
    }

    synchronized int size() {
        return seen.size();
    }
}
