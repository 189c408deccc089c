package io.deepline.models.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PerThreadLruTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesOfEachThread() throws Exception {
        ThreadLocal<Map<String, Integer>> lru = PerThreadLru.withCapacity(2);
        Map<String, Integer> mine = lru.get();
        mine.put("a", 1);
        mine.put("b", 2);
        mine.get("a"); // a is now more recent than b
        mine.put("c", 3);

        assertEquals(Map.of("a", 1, "c", 3), Map.copyOf(mine), "b, the least recently used, was dropped");
        AtomicReference<Map<String, Integer>> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(Map.copyOf(lru.get())));
        t.start();
        t.join();
        assertTrue(other.get().isEmpty(), "another thread starts with its own empty map");
    }
}
