package io.deepline.models.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-thread maps that keep only their most recently used entries: for objects a task thread reuses across calls
 * (networks, input arrays) and that are not thread-safe, so each thread holds its own few.
 */
public final class PerThreadLru {
    private PerThreadLru() {
    }

    /** A thread-local map per thread, each keeping its {@code capacity} most recently used entries. */
    public static <K, V> ThreadLocal<Map<K, V>> withCapacity(int capacity) {
        return ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
