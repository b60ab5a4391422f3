package io.laxin.poster.render.application;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small in-process map that forgets its least recently used entry beyond {@code max}; safe across threads. */
final class Lru<K, V> {

    private final Map<K, V> entries;

    Lru(int max) {
        this.entries = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The entry, or null. */
    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }
}
