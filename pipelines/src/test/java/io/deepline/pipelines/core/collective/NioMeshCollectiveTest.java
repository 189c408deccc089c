package io.deepline.pipelines.core.collective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.collective.InProcessGroup.Outcome;
import io.deepline.pipelines.core.train.RoundSum;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The NIO allreduce alone: ranks on threads of this JVM, talking over 127.0.0.1. */
class NioMeshCollectiveTest {
    private static final CollectiveSettings EPHEMERAL = new CollectiveSettings(0, 0, 5_000);
    private static final Duration LIMIT = Duration.ofSeconds(8);

    /** One rank's input to one call: varied magnitudes, signed zeros, subnormals; index 0 is -0.0 everywhere. */
    private static float[] data(long seed, int length) {
        Random random = new Random(seed);
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            v[i] = switch (kind) {
                case 0 -> -0.0f;
                case 1 -> 0.0f;
                case 2 -> Float.MIN_VALUE * random.nextInt(1000);
                default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(61) - 30));
            };
        }
        if (length > 0) {
            v[0] = -0.0f;
        }
        return v;
    }

    /** The driver-side mean of the jobs sync mode, merged in rank order: what the collective must equal. */
    private static float[] driverMean(float[][] inputs, boolean[] contributes, float[] unchanged) {
        RoundSum sum = RoundSum.empty();
        for (int r = 0; r < inputs.length; r++) {
            if (contributes[r]) {
                sum = sum.merge(RoundSum.of(inputs[r].clone(), new float[0], 0, 0, 1, 1));
            }
        }
        float[] plain = plainMean(inputs, contributes, unchanged);
        float[] expected = sum.workers() == 0 ? unchanged : sum.averageParams();
        assertBits(plain, expected, "the plain reference disagrees with RoundSum");
        return expected;
    }

    /** Sum in double, in rank order, from -0.0 (the identity of addition), / contributors, rounded to float. */
    private static float[] plainMean(float[][] inputs, boolean[] contributes, float[] unchanged) {
        float[] mean = new float[unchanged.length];
        int count = 0;
        for (boolean c : contributes) {
            count += c ? 1 : 0;
        }
        if (count == 0) {
            return unchanged;
        }
        for (int i = 0; i < mean.length; i++) {
            double s = -0.0;
            for (int r = 0; r < inputs.length; r++) {
                if (contributes[r]) {
                    s += inputs[r][i];
                }
            }
            mean[i] = (float) (s / count);
        }
        return mean;
    }

    private static void assertBits(float[] expected, float[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(message + ": element " + i + " is " + actual[i] + ", expected "
                        + expected[i]);
            }
        }
    }

    private static <T> T valueOf(Outcome<T> outcome) {
        if (outcome.error() != null) {
            throw new AssertionError("a rank failed", outcome.error());
        }
        return outcome.value();
    }

    @Test
    void averagesBitForBitLikeTheDriverOnOneToFiveRanks() {
        int[] lengths = {1000, 37, 3, 0, 1001};
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int n = 1; n <= 5; n++) {
                int size = n;
                float[][][] inputs = new float[lengths.length][size][];
                for (int call = 0; call < lengths.length; call++) {
                    for (int r = 0; r < size; r++) {
                        inputs[call][r] = data(1000L * size + 10L * call + r, lengths[call]);
                        if (lengths[call] > 1) {
                            // 1, 1e30, -1e30, 1e30, ...: the sum is 0 in rank order and 1 in reverse order, so
                            // an owner that adds in any other order than by rank gives another mean.
                            inputs[call][r][1] = r == 0 ? 1f : r % 2 == 1 ? 1e30f : -1e30f;
                        }
                    }
                }
                List<Outcome<List<float[]>>> outcomes = InProcessGroup.run(size, EPHEMERAL, (rank, c) -> {
                    List<float[]> results = new ArrayList<>();
                    for (int call = 0; call < lengths.length; call++) {
                        float[] values = inputs[call][rank].clone();
                        assertEquals(size, c.averageInto(values, true));
                        results.add(values);
                    }
                    return results;
                });
                boolean[] all = new boolean[size];
                java.util.Arrays.fill(all, true);
                for (int r = 0; r < size; r++) {
                    List<float[]> results = valueOf(outcomes.get(r));
                    for (int call = 0; call < lengths.length; call++) {
                        assertBits(driverMean(inputs[call], all, inputs[call][r]), results.get(call),
                                size + " ranks, rank " + r + ", call " + call);
                    }
                }
            }
        });
    }

    @Test
    void ranksThatTrainedNothingReceiveTheMeanOfTheOthers() {
        boolean[][] patterns = {{true, false, true, false}, {false, false, false, true}, {false, false, false, false}};
        int[] expectedCounts = {2, 1, 0};
        float[][][] inputs = new float[patterns.length][4][];
        for (int call = 0; call < patterns.length; call++) {
            for (int r = 0; r < 4; r++) {
                inputs[call][r] = data(77L * call + r, 501);
            }
        }
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<List<float[]>>> outcomes = InProcessGroup.run(4, EPHEMERAL, (rank, c) -> {
                List<float[]> results = new ArrayList<>();
                for (int call = 0; call < patterns.length; call++) {
                    float[] values = inputs[call][rank].clone();
                    assertEquals(expectedCounts[call], c.averageInto(values, patterns[call][rank]));
                    results.add(values);
                }
                return results;
            });
            for (int r = 0; r < 4; r++) {
                List<float[]> results = valueOf(outcomes.get(r));
                for (int call = 0; call < patterns.length; call++) {
                    assertBits(driverMean(inputs[call], patterns[call], inputs[call][r]), results.get(call),
                            "rank " + r + ", call " + call);
                }
                // A lone contributor's floats come back bit for bit; no contributor leaves the values alone.
                assertBits(inputs[1][3], results.get(1), "rank " + r + " with one contributor");
                assertBits(inputs[2][r], results.get(2), "rank " + r + " with no contributor");
            }
        });
    }

    @Test
    void tenMegabytesOnThreeRanks() {
        int length = 2_500_000;
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<float[]>> outcomes = InProcessGroup.run(3, EPHEMERAL, (rank, c) -> {
                float[] values = new float[length];
                for (int i = 0; i < length; i++) {
                    values[i] = (i % 1000) * (rank + 1) + 0.1f * rank;
                }
                assertEquals(3, c.averageInto(values, true));
                return values;
            });
            float[] expected = new float[length];
            for (int i = 0; i < length; i++) {
                double s = -0.0;
                for (int r = 0; r < 3; r++) {
                    s += (i % 1000) * (r + 1) + 0.1f * r;
                }
                expected[i] = (float) (s / 3);
            }
            for (int r = 0; r < 3; r++) {
                assertBits(expected, valueOf(outcomes.get(r)), "rank " + r);
            }
        });
    }

    /** Connects to {@code address} and sends {@code bytes}, as a stranger on the port would. */
    private static Socket stranger(String address, byte[] bytes) throws Exception {
        java.net.InetSocketAddress to = Peers.socketAddress(address);
        Socket s = new Socket(to.getAddress(), to.getPort());
        s.setSoTimeout(3_000);
        OutputStream out = s.getOutputStream();
        out.write(bytes);
        out.flush();
        return s;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    @Test
    void strangersOnThePortAreRefusedAndTheGroupStillForms() {
        CollectiveSettings settings = EPHEMERAL;
        List<Socket> strangers = new ArrayList<>();
        AtomicReference<Exception> strangerFailure = new AtomicReference<>();
        // Rank 1 accepts rank 0; the strangers reach its port first, while the ranks are still in the exchange.
        InProcessGroup exchange = new InProcessGroup(2, addresses -> {
            try {
                strangers.add(stranger(addresses[1], bytes(Handshake.header(
                        new CollectiveGroup("another-fit", 3, 1, 0, 2, InProcessGroup.HOST, settings)))));
                strangers.add(stranger(addresses[1], bytes(Handshake.header(
                        new CollectiveGroup("fit-token-1", 3, 0, 0, 2, InProcessGroup.HOST, settings)))));
                strangers.add(stranger(addresses[1], "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                strangerFailure.set(e);
            }
        });
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<float[]>> outcomes = InProcessGroup.run(exchange,
                    rank -> new CollectiveGroup("fit-token-1", 3, 1, rank, 2, InProcessGroup.HOST, settings),
                    rank -> () -> false, (rank, c) -> {
                        float[] values = {rank, 2 * rank};
                        assertEquals(2, c.averageInto(values, true));
                        return values;
                    });
            assertNull(strangerFailure.get());
            assertEquals(3, strangers.size());
            for (int r = 0; r < 2; r++) {
                assertArrayEquals(new float[] {0.5f, 1f}, valueOf(outcomes.get(r)));
            }
            for (Socket s : strangers) {
                try (s; InputStream in = s.getInputStream()) {
                    assertEquals(-1, in.read(), "rank 1 should have closed the stranger's connection unanswered");
                }
            }
        });
    }

    private static void assertGroupFails(String expectedInRank0, CollectiveGroup rank0, CollectiveGroup rank1)
            throws Exception {
        List<Outcome<Integer>> outcomes = InProcessGroup.run(new InProcessGroup(2),
                rank -> rank == 0 ? rank0 : rank1, rank -> () -> false,
                (rank, c) -> c.averageInto(new float[] {1f}, true));
        for (int r = 0; r < 2; r++) {
            Throwable error = outcomes.get(r).error();
            assertInstanceOf(CollectiveException.class, error, "rank " + r);
            assertTrue(error.getMessage().contains("rank " + (1 - r) + " at 127.0.0.1:"), error.getMessage());
        }
        assertTrue(outcomes.get(0).error().getMessage().contains(expectedInRank0),
                outcomes.get(0).error().getMessage());
    }

    @Test
    void aRankWithAnotherTokenOrAStaleAttemptFailsTheGroup() {
        CollectiveSettings shortWait = new CollectiveSettings(0, 0, 500);
        assertTimeoutPreemptively(LIMIT, () -> {
            // Rank 0 connects and is turned away at once; rank 1 waits out the timeout for a rank 0 it accepts.
            assertGroupFails("closed the connection instead of accepting our header",
                    new CollectiveGroup("fit-token-1", 3, 0, 0, 2, InProcessGroup.HOST, shortWait),
                    new CollectiveGroup("fit-token-2", 3, 0, 1, 2, InProcessGroup.HOST, shortWait));
            assertGroupFails("closed the connection instead of accepting our header",
                    new CollectiveGroup("fit-token-1", 3, 0, 0, 2, InProcessGroup.HOST, shortWait),
                    new CollectiveGroup("fit-token-1", 3, 1, 1, 2, InProcessGroup.HOST, shortWait));
        });
    }

    @Test
    void aPeerThatDiesMidAllreduceFailsTheOthersAtOnce() {
        CollectiveSettings twoSeconds = new CollectiveSettings(0, 0, 2_000);
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<Long>> outcomes = InProcessGroup.run(3, twoSeconds, (rank, c) -> {
                if (rank == 2) {
                    Thread.sleep(200); // the others are waiting for its contribution by now
                    c.close();
                    return 0L;
                }
                long start = System.nanoTime();
                float[] values = new float[100_000];
                CollectiveException e = assertThrows(CollectiveException.class, () -> c.averageInto(values, true));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(e.getMessage().matches("(?s).*peer rank [0-2] at 127\\.0\\.0\\.1:\\d+.*"), e.getMessage());
                // Unusable afterwards; close stays safe.
                assertThrows(IllegalStateException.class, () -> c.averageInto(values, true));
                c.close();
                c.close();
                return e.getMessage().contains("peer rank 2 ") ? millis : -millis - 1;
            });
            boolean someoneNamedTheDeadRank = false;
            for (int r = 0; r < 2; r++) {
                long millis = valueOf(outcomes.get(r));
                someoneNamedTheDeadRank |= millis >= 0;
                assertTrue(Math.abs(millis) < 1_500, "rank " + r + " took " + millis + " ms to notice");
            }
            assertTrue(someoneNamedTheDeadRank);
        });
    }

    @Test
    void aSilentPeerFailsTheOthersWithinTheTimeout() {
        CollectiveSettings twoSeconds = new CollectiveSettings(0, 0, 2_000);
        CountDownLatch othersDone = new CountDownLatch(2);
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<String>> outcomes = InProcessGroup.run(3, twoSeconds, (rank, c) -> {
                if (rank == 2) {
                    othersDone.await(); // hung: never calls averageInto, never closes until the others gave up
                    return "";
                }
                try {
                    long start = System.nanoTime();
                    CollectiveException e = assertThrows(CollectiveException.class,
                            () -> c.averageInto(new float[10], true));
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertTrue(millis >= 1_900 && millis < 3_500, "gave up after " + millis + " ms");
                    return e.getMessage();
                } finally {
                    othersDone.countDown();
                }
            });
            for (int r = 0; r < 2; r++) {
                String message = valueOf(outcomes.get(r));
                assertTrue(message.contains("peer rank 2 at 127.0.0.1:") && message.contains("2000 ms")
                        && message.contains(CollectiveSettings.TIMEOUT_KEY), message);
            }
        });
    }

    @Test
    void cancellingMakesAWaitingRankFailPromptly() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch rank0Done = new CountDownLatch(1);
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<Long>> outcomes = InProcessGroup.run(new InProcessGroup(2),
                    rank -> InProcessGroup.group(rank, 2, new CollectiveSettings(0, 0, 60_000)),
                    rank -> rank == 0 ? cancelled::get : () -> false, (rank, c) -> {
                        if (rank == 1) {
                            rank0Done.await();
                            return 0L;
                        }
                        try {
                            Thread t = new Thread(() -> {
                                sleepQuietly(150);
                                cancelled.set(true);
                            });
                            t.start();
                            CollectiveException e = assertThrows(CollectiveException.class,
                                    () -> c.averageInto(new float[10], true));
                            long cancelledAt = System.nanoTime();
                            assertTrue(e.getMessage().contains("cancelled")
                                    && e.getMessage().contains("rank 1 at 127.0.0.1:"), e.getMessage());
                            return cancelledAt;
                        } finally {
                            rank0Done.countDown();
                        }
                    });
            assertTrue(valueOf(outcomes.get(0)) > 0);
        });
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBusyPortOfTheRangeIsSkippedAndAnExhaustedRangeFailsNamingTheKey() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName(InProcessGroup.HOST))) {
            int taken = busy.getLocalPort();
            int last = Math.min(65535, taken + 20);
            AtomicReference<String[]> published = new AtomicReference<>();
            CollectiveSettings range = new CollectiveSettings(taken, last, 5_000);
            assertTimeoutPreemptively(LIMIT, () -> {
                List<Outcome<Integer>> outcomes = InProcessGroup.run(new InProcessGroup(2, published::set),
                        rank -> InProcessGroup.group(rank, 2, range), rank -> () -> false,
                        (rank, c) -> c.averageInto(new float[] {rank}, true));
                assertEquals(2, valueOf(outcomes.get(0)));
                assertEquals(2, valueOf(outcomes.get(1)));
            });
            for (String address : published.get()) {
                int port = Peers.socketAddress(address).getPort();
                assertTrue(port > taken && port <= last, address + " is not in " + (taken + 1) + "-" + last);
            }

            CollectiveGroup exhausted = InProcessGroup.group(0, 2, new CollectiveSettings(taken, taken, 5_000));
            CollectiveException e = assertThrows(CollectiveException.class, () -> NioMeshCollective.open(exhausted,
                    mine -> {
                        throw new AssertionError("no address to publish when no port is free");
                    }, () -> false));
            assertTrue(e.getMessage().contains(CollectiveSettings.PORTS_KEY)
                    && e.getMessage().contains(taken + "-" + taken), e.getMessage());
        }
    }

    @Test
    void aGroupOfOneOpensNothingAndReturnsItsOwnValues() {
        CollectiveGroup alone = InProcessGroup.group(0, 1, EPHEMERAL);
        try (NioMeshCollective c = NioMeshCollective.open(alone, mine -> {
            throw new AssertionError("a group of one has no one to exchange addresses with");
        }, () -> true)) {
            float[] input = data(5, 100);
            float[] values = input.clone();
            assertEquals(1, c.averageInto(values, true));
            assertBits(input, values, "a group of one");
            assertEquals(0, c.averageInto(values, false));
            assertBits(input, values, "a group of one that did not train");
            assertEquals(0, c.rank());
            assertEquals(1, c.size());
        }
    }

    @Test
    void ranksWithArraysOfDifferentLengthsFail() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Outcome<Integer>> outcomes = InProcessGroup.run(2, EPHEMERAL,
                    (rank, c) -> c.averageInto(new float[10 + rank], true));
            for (int r = 0; r < 2; r++) {
                Throwable error = outcomes.get(r).error();
                assertInstanceOf(CollectiveException.class, error);
                assertTrue(error.getMessage().contains("arrays of the same length")
                        || error.getMessage().contains("closed the connection"), error.getMessage());
            }
        });
    }

    @Test
    void settingsParseGoodValuesAndRefuseBadOnesNamingTheKey() {
        assertEquals(new CollectiveSettings(40000, 40100, 600_000), CollectiveSettings.parse("40000-40100", null));
        assertEquals(new CollectiveSettings(40000, 40000, 5_000), CollectiveSettings.parse(" 40000 ", "5"));
        assertEquals(new CollectiveSettings(0, 0, 600_000), CollectiveSettings.parse(null, " "));
        assertEquals(CollectiveSettings.defaults(), CollectiveSettings.parse("", null));
        for (String ports : new String[] {"abc", "40100-40000", "0-10", "1-2-3", "70000", "-5", "40000-"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CollectiveSettings.parse(ports, null), ports);
            assertTrue(e.getMessage().contains(CollectiveSettings.PORTS_KEY), e.getMessage());
        }
        for (String timeout : new String[] {"0", "-1", "x", "1.5", "99999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CollectiveSettings.parse(null, timeout), timeout);
            assertTrue(e.getMessage().contains(CollectiveSettings.TIMEOUT_KEY), e.getMessage());
        }
    }
}
