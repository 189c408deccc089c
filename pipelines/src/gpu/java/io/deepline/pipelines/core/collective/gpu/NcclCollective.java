package io.deepline.pipelines.core.collective.gpu;

import io.deepline.pipelines.core.collective.AddressExchange;
import io.deepline.pipelines.core.collective.Collective;
import io.deepline.pipelines.core.collective.CollectiveException;
import io.deepline.pipelines.core.collective.CollectiveGroup;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nccl;
import org.bytedeco.cuda.nccl.ncclComm;
import org.bytedeco.cuda.nccl.ncclUniqueId;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.jita.allocator.impl.AtomicAllocator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.jcublas.context.CudaContext;

/**
 * The {@link Collective} over NCCL: the allreduce runs between the GPUs' memories (NVLink, PCIe or the network NCCL
 * picks), with no copy to the host when the caller hands over the device-resident params with
 * {@link #averageInto(INDArray, boolean)}.
 *
 * <p><b>Not bit-identical with the CPU.</b> NCCL sums in float, in an order of its own (ring or tree), so the mean
 * differs in the last bits from the {@code jobs} mode's mean, which sums in double in rank order. The
 * {@link Collective} contract's bit-for-bit promise holds for the CPU (NIO) collective only.
 *
 * <p>Setup: rank 0 asks NCCL for a unique id; it travels Base64-encoded through the barrier stage's allGather
 * ({@link NcclRendezvous}); every rank then joins the communicator on the GPU its thread is bound to. NCCL opens
 * its own TCP connections (bootstrap and, between hosts, data) on ephemeral ports, not on
 * {@code spark.deepline.collective.ports}; {@code NCCL_SOCKET_IFNAME} picks the interface.
 *
 * <p>Never hangs on a dead peer: every NCCL call is awaited by polling the stream, the communicator's async error,
 * the task's cancellation and the peer timeout, and a stuck communicator is aborted ({@code ncclCommAbort}).
 * Joining the communicator cannot be aborted, so it runs on a daemon thread that is abandoned on timeout.
 */
public final class NcclCollective implements Collective {
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final CollectiveGroup group;
    private final NcclRendezvous rendezvous;
    private final BooleanSupplier cancelled;
    private final int device;
    private ncclComm comm;
    /** What a rank that trained nothing sends: zeros of the params' length, reused while the length holds. */
    private INDArray zeros;

    private NcclCollective(CollectiveGroup group, NcclRendezvous rendezvous, BooleanSupplier cancelled, int device,
                           ncclComm comm) {
        this.group = group;
        this.rendezvous = rendezvous;
        this.cancelled = cancelled;
        this.device = device;
        this.comm = comm;
    }

    /**
     * Why NCCL cannot be used in this JVM, or null if it can: its JNI wrapper links {@code libnccl.so.2} (and the
     * CUDA runtime), which must be installed on the host.
     */
    public static String unavailableReason() {
        try {
            Loader.load(nccl.class);
            int[] version = new int[1];
            int rc = nccl.ncclGetVersion(version);
            if (rc != nccl.ncclSuccess) {
                return "ncclGetVersion failed: " + nccl.ncclGetErrorString(rc).getString();
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "NCCL's native library (libnccl.so.2) did not load: " + e;
        }
    }

    /**
     * Joins the group's NCCL communicator on the GPU this thread is bound to ({@code GpuBinding}). Every rank of the
     * group must call it.
     *
     * @throws CollectiveException if a rank is not on NCCL, two ranks share a GPU, NCCL fails, the peers do not all
     *                             join within the timeout, or the task is cancelled
     */
    public static NcclCollective open(CollectiveGroup group, AddressExchange exchange, BooleanSupplier cancelled) {
        int device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        byte[] id = null;
        if (group.rank() == 0) {
            ncclUniqueId unique = new ncclUniqueId();
            check(nccl.ncclGetUniqueId(unique), "ncclGetUniqueId", group);
            id = new byte[NcclRendezvous.ID_BYTES];
            unique.internal().get(id);
        }
        NcclRendezvous rendezvous = NcclRendezvous.read(
                exchange.allGather(NcclRendezvous.advertise(group.host(), device, id)), group.rank());
        if (cancelled.getAsBoolean()) {
            throw new CollectiveException("rank " + group.rank() + " was cancelled before joining NCCL");
        }
        ncclComm comm = join(group, rendezvous, device, cancelled);
        return new NcclCollective(group, rendezvous, cancelled, device, comm);
    }

    /** ncclCommInitRank blocks until every rank joined and has no abort: bounded on a side thread. */
    private static ncclComm join(CollectiveGroup group, NcclRendezvous rendezvous, int device,
                                 BooleanSupplier cancelled) {
        CompletableFuture<ncclComm> joined = new CompletableFuture<>();
        Thread joiner = new Thread(() -> {
            try {
                checkCuda(cudart.cudaSetDevice(device), "cudaSetDevice(" + device + ")", group);
                ncclUniqueId unique = new ncclUniqueId();
                unique.internal().put(rendezvous.uniqueId());
                ncclComm comm = new ncclComm();
                check(nccl.ncclCommInitRank(comm, group.size(), unique, group.rank()), "ncclCommInitRank", group);
                joined.complete(comm);
            } catch (RuntimeException | Error e) {
                joined.completeExceptionally(e);
            }
        }, "nccl-join-rank-" + group.rank());
        joiner.setDaemon(true);
        joiner.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(group.settings().timeoutMillis());
        while (true) {
            try {
                return joined.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    throw new CollectiveException("rank " + group.rank() + " was cancelled while joining NCCL");
                }
                if (System.nanoTime() > deadline) {
                    throw new CollectiveException("rank " + group.rank() + " waited " + group.settings()
                            .timeoutMillis() / 1000 + " s for its peers to join NCCL on hosts "
                            + Arrays.toString(rendezvous.hosts()) + "; a peer died, or NCCL cannot connect between"
                            + " the hosts (firewall, NCCL_SOCKET_IFNAME)");
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof CollectiveException c ? c
                        : new CollectiveException("rank " + group.rank() + " could not join NCCL: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CollectiveException("rank " + group.rank() + " was interrupted while joining NCCL", e);
            }
        }
    }

    @Override
    public int rank() {
        return group.rank();
    }

    @Override
    public int size() {
        return group.size();
    }

    /** Host arrays go to the device and back; prefer {@link #averageInto(INDArray, boolean)} on GPU params. */
    @Override
    public int averageInto(float[] values, boolean contributes) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray onDevice = Nd4j.createFromArray(values);
            int contributors = averageInto(onDevice, contributes);
            if (contributors > 0) {
                System.arraycopy(onDevice.toFloatVector(), 0, values, 0, values.length);
            }
            return contributors;
        }
    }

    /**
     * {@link Collective#averageInto(float[], boolean)} on a device-resident array, in place: the params or updater
     * state vector of a network, without a copy to the host. The mean is summed in float by NCCL (see the class
     * comment).
     *
     * @param flat a FLOAT vector with unit stride, of the same length on every rank
     */
    public int averageInto(INDArray flat, boolean contributes) {
        if (comm == null) {
            throw new IllegalStateException("rank " + group.rank() + ": the NCCL collective is closed");
        }
        if (flat.dataType() != DataType.FLOAT || !flat.isVector() || flat.elementWiseStride() != 1) {
            throw new IllegalArgumentException("the NCCL collective averages a FLOAT vector with unit stride, got "
                    + flat.dataType() + " " + Arrays.toString(flat.shape()) + " (ews " + flat.elementWiseStride()
                    + "); pass the network's flat params or updater state");
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            long length = flat.length();
            // One small sum first: how many ranks contributed, and (max of length and -length) whether every rank
            // brought the same length; a mismatch would otherwise corrupt memory or hang inside NCCL.
            INDArray count = Nd4j.createFromArray(contributes ? 1 : 0);
            allReduce(count, count, nccl.ncclInt32, nccl.ncclSum, "contributor count");
            INDArray lengths = Nd4j.createFromArray(length, -length);
            allReduce(lengths, lengths, nccl.ncclInt64, nccl.ncclMax, "length check");
            if (lengths.getLong(0) != length || -lengths.getLong(1) != length) {
                throw new CollectiveException("rank " + group.rank() + " averages " + length + " values, but the"
                        + " group's lengths range from " + -lengths.getLong(1) + " to " + lengths.getLong(0)
                        + " (hosts " + Arrays.toString(rendezvous.hosts()) + "); every rank must train the same"
                        + " network");
            }
            int contributors = count.getInt(0);
            if (contributors == 0) {
                return 0;
            }
            INDArray send = contributes ? flat : zerosOf(length);
            allReduce(send, flat, nccl.ncclFloat32, nccl.ncclSum, "params");
            flat.divi(contributors);
            return contributors;
        }
    }

    private INDArray zerosOf(long length) {
        if (zeros == null || zeros.length() != length) {
            zeros = Nd4j.zeros(DataType.FLOAT, length);
        }
        return zeros;
    }

    /** ncclAllReduce on ND4J's stream for this thread, so it is ordered with the ops that wrote and read the data. */
    private void allReduce(INDArray send, INDArray recv, int type, int op, String what) {
        AtomicAllocator allocator = AtomicAllocator.getInstance();
        CudaContext context = send == recv ? allocator.getFlowController().prepareAction(recv)
                : allocator.getFlowController().prepareAction(recv, send);
        Pointer sendPointer = allocator.getPointer(send, context);
        Pointer recvPointer = allocator.getPointer(recv, context);
        CUstream_st stream = new CUstream_st(context.getOldStream());
        check(nccl.ncclAllReduce(sendPointer, recvPointer, recv.length(), type, op, comm, stream),
                "ncclAllReduce (" + what + ")", group);
        await(stream, what);
        if (send == recv) {
            allocator.getFlowController().registerAction(context, recv);
        } else {
            allocator.getFlowController().registerAction(context, recv, send);
        }
    }

    /** Waits for the stream without blocking in CUDA, so a dead peer, a cancel or the timeout can abort NCCL. */
    private void await(CUstream_st stream, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(group.settings().timeoutMillis());
        int[] asyncError = new int[1];
        while (true) {
            int rc = cudart.cudaStreamQuery(stream);
            if (rc == cudart.cudaSuccess) {
                return;
            }
            if (rc != cudart.cudaErrorNotReady) {
                throw abort("the CUDA stream failed during the " + what + " allreduce: "
                        + cudart.cudaGetErrorString(rc).getString());
            }
            nccl.ncclCommGetAsyncError(comm, asyncError);
            if (asyncError[0] != nccl.ncclSuccess) {
                throw abort("NCCL reported '" + nccl.ncclGetErrorString(asyncError[0]).getString() + "' during the "
                        + what + " allreduce; a peer on " + Arrays.toString(rendezvous.hosts()) + " failed");
            }
            if (cancelled.getAsBoolean()) {
                throw abort("the task was cancelled during the " + what + " allreduce");
            }
            if (System.nanoTime() > deadline) {
                throw abort("the " + what + " allreduce did not finish within " + group.settings().timeoutMillis()
                        / 1000 + " s; a peer on " + Arrays.toString(rendezvous.hosts()) + " died or stalled");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private CollectiveException abort(String why) {
        ncclComm stuck = comm;
        comm = null;
        if (stuck != null) {
            nccl.ncclCommAbort(stuck);
        }
        return new CollectiveException("rank " + group.rank() + " (GPU " + device + "): " + why);
    }

    private static void check(int ncclResult, String call, CollectiveGroup group) {
        if (ncclResult != nccl.ncclSuccess) {
            throw new CollectiveException("rank " + group.rank() + ": " + call + " failed: "
                    + nccl.ncclGetErrorString(ncclResult).getString() + " (ncclResult " + ncclResult + ")");
        }
    }

    private static void checkCuda(int cudaError, String call, CollectiveGroup group) {
        if (cudaError != cudart.cudaSuccess) {
            throw new CollectiveException("rank " + group.rank() + ": " + call + " failed: "
                    + cudart.cudaGetErrorString(cudaError).getString() + " (cudaError " + cudaError + ")");
        }
    }

    @Override
    public void close() {
        ncclComm open = comm;
        comm = null;
        if (open != null) {
            nccl.ncclCommDestroy(open);
        }
    }
}
