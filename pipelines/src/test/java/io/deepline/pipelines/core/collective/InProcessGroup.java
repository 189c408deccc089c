package io.deepline.pipelines.core.collective;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Ranks of a collective on threads of one JVM over 127.0.0.1, with the address exchange a barrier stage's
 * allGather would give: every rank blocks until all have published, then sees all addresses by rank.
 */
final class InProcessGroup {
    static final String HOST = "127.0.0.1";

    private final int size;
    private final CyclicBarrier barrier;
    private final AtomicReferenceArray<String> addresses;

    /** {@code whenAllPublished} runs once, on the last rank's thread, before any rank gets the addresses. */
    InProcessGroup(int size, Consumer<String[]> whenAllPublished) {
        this.size = size;
        this.addresses = new AtomicReferenceArray<>(size);
        this.barrier = new CyclicBarrier(size, () -> whenAllPublished.accept(snapshot()));
    }

    InProcessGroup(int size) {
        this(size, a -> { });
    }

    private String[] snapshot() {
        String[] all = new String[size];
        for (int i = 0; i < size; i++) {
            all[i] = addresses.get(i);
        }
        return all;
    }

    AddressExchange exchangeFor(int rank) {
        return mine -> {
            addresses.set(rank, mine);
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the in-process address exchange failed at rank " + rank, e);
            }
            return snapshot();
        };
    }

    /** What one rank does with its open collective. */
    interface RankBody<T> {
        T run(int rank, Collective collective) throws Exception;
    }

    /** Each rank's result, or the exception its body or open threw. */
    record Outcome<T>(T value, Throwable error) {
    }

    /** Opens a collective per rank with {@code groupOf(rank)}, runs the bodies on threads, closes, and returns. */
    static <T> List<Outcome<T>> run(InProcessGroup exchange, java.util.function.IntFunction<CollectiveGroup> groupOf,
                                    java.util.function.IntFunction<java.util.function.BooleanSupplier> cancelledOf,
                                    RankBody<T> body) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(exchange.size);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < exchange.size; r++) {
                int rank = r;
                futures.add(pool.submit(() -> {
                    try (NioMeshCollective c = NioMeshCollective.open(groupOf.apply(rank), exchange.exchangeFor(rank),
                            cancelledOf.apply(rank))) {
                        return body.run(rank, c);
                    }
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(new Outcome<>(f.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> List<Outcome<T>> run(int size, CollectiveSettings settings, RankBody<T> body)
            throws InterruptedException {
        return run(new InProcessGroup(size), rank -> group(rank, size, settings), rank -> () -> false, body);
    }

    static CollectiveGroup group(int rank, int size, CollectiveSettings settings) {
        return new CollectiveGroup("fit-token-1", 3, 0, rank, size, HOST, settings);
    }
}
