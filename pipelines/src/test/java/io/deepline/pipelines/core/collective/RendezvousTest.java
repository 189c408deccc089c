package io.deepline.pipelines.core.collective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The driver's rendezvous: ranks of one epoch and attempt meet there; strangers and stragglers do not hang it. */
class RendezvousTest {
    private static final String HOST = "127.0.0.1";
    private static final CollectiveSettings FAST = new CollectiveSettings(0, 0, 800);

    private static CollectiveGroup group(String token, int epoch, int attempt, int rank, int size) {
        return new CollectiveGroup(token, epoch, attempt, rank, size, HOST, FAST);
    }

    @Test
    void everyRankGetsEveryAddressByRankEvenWithAStrangerInBetween() throws Exception {
        try (Rendezvous rendezvous = Rendezvous.start(HOST, FAST, "fit-token")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String[]>> answers = new ArrayList<>();
                for (int rank = 2; rank >= 0; rank--) {
                    int r = rank;
                    answers.add(pool.submit(() -> Rendezvous.client(rendezvous.address(), group("fit-token", 4, 0,
                            r, 3), () -> false).allGather("host-" + r + ":" + (1000 + r))));
                }
                Future<String[]> stranger = pool.submit(() -> Rendezvous.client(rendezvous.address(),
                        group("another-fit", 4, 0, 1, 3), () -> false).allGather("evil:1"));
                String[] expected = {"host-0:1000", "host-1:1001", "host-2:1002"};
                for (Future<String[]> answer : answers) {
                    assertArrayEquals(expected, answer.get());
                }
                Exception refused = assertThrows(Exception.class, stranger::get);
                assertTrue(refused.getCause() instanceof CollectiveException, refused.toString());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRankWhosePeersNeverComeFailsWithinTheTimeoutAndACancelledOneAtOnce() {
        try (Rendezvous rendezvous = Rendezvous.start(HOST, FAST, "t")) {
            CollectiveException late = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                    CollectiveException.class, () -> Rendezvous.client(rendezvous.address(), group("t", 0, 0, 0, 2),
                            () -> false).allGather("a:1")));
            assertTrue(late.getMessage().contains(CollectiveSettings.TIMEOUT_KEY), late.getMessage());
            CollectiveException cancelled = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(
                    CollectiveException.class, () -> Rendezvous.client(rendezvous.address(), group("t", 1, 0, 0, 2),
                            () -> true).allGather("a:1")));
            assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
        }
    }
}
