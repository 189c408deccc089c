package io.deepline.pipelines.core.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Which collective a rank gets: the pure decision for each backend and NCCL state, the real backend check on this
 * CPU build, and the reflective loader against the absent NCCL class and a stand-in class that has the same shape.
 */
class CollectivesTest {
    private static final CollectiveGroup GROUP = new CollectiveGroup("token", 0, 0, 1, 2, "hostB",
            CollectiveSettings.defaults());

    @Test
    void theCpuBackendGetsNioWithoutProbingNccl() {
        assertFalse(Collectives.cudaBackend(), "this build runs ND4J on the CPU backend");
        Collectives.Choice choice = Collectives.choose(false, () -> fail("NCCL must not be probed on the CPU"));
        assertEquals(Collectives.Kind.NIO, choice.kind());
        assertTrue(choice.reason().contains("CPU backend"), choice.reason());
    }

    @Test
    void cudaWithoutNcclFallsBackToNioSayingWhy() {
        Collectives.Choice choice = Collectives.choose(true,
                () -> Optional.of("NCCL's native library (libnccl.so.2) did not load"));
        assertEquals(Collectives.Kind.NIO, choice.kind());
        assertTrue(choice.reason().contains("libnccl.so.2"), choice.reason());
        assertTrue(choice.reason().contains("falling back to the NIO collective"), choice.reason());
    }

    @Test
    void cudaWithNcclGetsNccl() {
        Collectives.Choice choice = Collectives.choose(true, Optional::empty);
        assertEquals(Collectives.Kind.NCCL, choice.kind());
    }

    @Test
    void theNcclClassIsUnavailableOnACpuBuild() {
        Optional<String> why = NcclLoader.unavailableReason(NcclLoader.NCCL_CLASS);
        assertTrue(why.isPresent(), "the CPU build must not contain " + NcclLoader.NCCL_CLASS
                + " (stale classes from a -Pgpu build? run mvn clean)");
        assertTrue(why.get().contains("-Pgpu"), why.get());
        // The decision the real probe leads to on a CUDA backend without the class:
        assertEquals(Collectives.Kind.NIO, Collectives.choose(true, () -> why).kind());
    }

    @Test
    void aClassWithoutTheProbeMethodIsUnavailable() {
        Optional<String> why = NcclLoader.unavailableReason(String.class.getName());
        assertTrue(why.isPresent());
        assertTrue(why.get().contains("unavailableReason()"), why.get());
    }

    @Test
    void theLoaderProbesAndOpensAClassOfTheNcclShape() {
        assertEquals(Optional.empty(), NcclLoader.unavailableReason(StandInNccl.class.getName()));
        BooleanSupplier notCancelled = () -> false;
        try (Collective opened = NcclLoader.open(StandInNccl.class.getName(), GROUP, mine -> new String[]{"a", mine},
                notCancelled)) {
            assertEquals(1, opened.rank());
            assertEquals(2, opened.size());
            assertEquals(7, opened.averageInto(new float[1], true), "the stand-in's own collective came back");
        }
    }

    @Test
    void aFailureInsideOpenReachesTheCallerUnwrapped() {
        CollectiveException thrown = new CollectiveException("rank 3 (hostC) died");
        StandInNccl.failure = thrown;
        try {
            CollectiveException e = org.junit.jupiter.api.Assertions.assertThrows(CollectiveException.class,
                    () -> NcclLoader.open(StandInNccl.class.getName(), GROUP, mine -> new String[]{mine},
                            () -> false));
            assertSame(thrown, e);
        } finally {
            StandInNccl.failure = null;
        }
    }

    /** Has the static methods NcclLoader calls on the NCCL collective; its collective answers 7 contributors. */
    public static final class StandInNccl {
        static volatile RuntimeException failure;

        public static String unavailableReason() {
            return null;
        }

        public static Collective open(CollectiveGroup group, AddressExchange exchange, BooleanSupplier cancelled) {
            if (failure != null) {
                throw failure;
            }
            exchange.allGather(group.host());
            return new Collective() {
                @Override
                public int rank() {
                    return group.rank();
                }

                @Override
                public int size() {
                    return group.size();
                }

                @Override
                public int averageInto(float[] values, boolean contributes) {
                    return 7;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
