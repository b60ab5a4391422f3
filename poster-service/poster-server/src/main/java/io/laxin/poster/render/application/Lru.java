package io.laxin.poster.render.application;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A small in-process map that forgets its least recently used entries beyond {@code max} entries or, when entries
 * have a weight, beyond {@code maxWeight} in all (the newest entry always stays); safe across threads.
 */
final class Lru<K, V> {

    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(32, 0.75f, true);
    private final int max;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private long weight;

    Lru(int max) {
        this(max, Long.MAX_VALUE, v -> 0);
    }

    Lru(int max, long maxWeight, ToLongFunction<V> weigher) {
        this.max = max;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The entry, or null. */
    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            weight -= weigher.applyAsLong(old);
        }
        weight += weigher.applyAsLong(value);
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (entries.size() > 1 && (entries.size() > max || weight > maxWeight)) {
            Map.Entry<K, V> e = eldest.next();
            weight -= weigher.applyAsLong(e.getValue());
            eldest.remove();
        }
    }

    /** What the entries held weigh together. */
    synchronized long weight() {
        return weight;
    }
}
