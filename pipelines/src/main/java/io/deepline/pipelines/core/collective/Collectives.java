package io.deepline.pipelines.core.collective;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that picks the {@link Collective} implementation for a rank: NCCL when ND4J runs on CUDA and NCCL
 * is usable on this executor, the NIO mesh otherwise.
 *
 * <p>Each executor decides for itself; the NCCL collective refuses, naming the rank, a group in which some rank
 * fell back to NIO (see {@code NcclRendezvous}), so a partly equipped cluster fails fast instead of hanging.
 */
public final class Collectives {
    private static final Logger LOG = LoggerFactory.getLogger(Collectives.class);
    /** The fallback is logged at WARN once per JVM (every epoch opens a collective), then at DEBUG. */
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();
    /** The probe loads a native library: done once per JVM. */
    private static volatile Optional<String> ncclUnavailable;

    private Collectives() {
    }

    /** Which implementation, and why. */
    public enum Kind { NIO, NCCL }

    /**
     * A decision.
     *
     * @param kind   the implementation
     * @param reason why, for the log
     */
    public record Choice(Kind kind, String reason) {
        public Choice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Opens this rank's collective with the implementation {@link #choose} picks for this executor. */
    public static Collective open(CollectiveGroup group, AddressExchange exchange, BooleanSupplier cancelled) {
        boolean cuda = cudaBackend();
        Choice choice = choose(cuda, Collectives::probeNccl);
        if (choice.kind() == Kind.NCCL) {
            LOG.debug("rank {} of epoch {}: {}", group.rank(), group.epoch(), choice.reason());
            return NcclLoader.open(NcclLoader.NCCL_CLASS, group, exchange, cancelled);
        }
        if (cuda && FALLBACK_LOGGED.compareAndSet(false, true)) {
            LOG.warn("rank {} of epoch {}: {}", group.rank(), group.epoch(), choice.reason());
        } else {
            LOG.debug("rank {} of epoch {}: {}", group.rank(), group.epoch(), choice.reason());
        }
        return NioMeshCollective.open(group, exchange, cancelled);
    }

    /**
     * The decision, free of side effects but the probe: NCCL needs the CUDA backend (it reduces device buffers)
     * and a usable NCCL; otherwise NIO, which copies to the host.
     *
     * @param cudaBackend     whether ND4J runs on CUDA
     * @param ncclUnavailable why NCCL cannot be used here, empty if it can; asked only on CUDA
     */
    static Choice choose(boolean cudaBackend, Supplier<Optional<String>> ncclUnavailable) {
        if (!cudaBackend) {
            return new Choice(Kind.NIO, "ND4J runs on the CPU backend: using the NIO collective");
        }
        Optional<String> why = ncclUnavailable.get();
        if (why.isPresent()) {
            return new Choice(Kind.NIO, "ND4J runs on CUDA, but " + why.get() + ": falling back to the NIO"
                    + " collective (host copies over TCP, " + CollectiveSettings.PORTS_KEY + ")");
        }
        return new Choice(Kind.NCCL, "ND4J runs on CUDA and NCCL loaded: using the NCCL collective");
    }

    /**
     * Whether ND4J's executioner is the CUDA one; the same backend check {@code GpuBinding} relies on
     * ({@code Environment.isCPU()}) but positive, so an unknown future backend is not taken for CUDA.
     */
    static boolean cudaBackend() {
        return Nd4j.getExecutioner().type() == OpExecutioner.ExecutionerType.CUDA;
    }

    private static Optional<String> probeNccl() {
        Optional<String> known = ncclUnavailable;
        if (known == null) {
            known = NcclLoader.unavailableReason(NcclLoader.NCCL_CLASS);
            ncclUnavailable = known;
        }
        return known;
    }
}
