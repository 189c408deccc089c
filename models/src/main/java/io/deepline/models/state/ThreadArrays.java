package io.deepline.models.state;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each thread's reusable FLOAT arrays for network inputs that live only for one call: a training step's features,
 * labels and weights, a scoring batch's features.
 *
 * <p>Why: a fresh native array costs far more than refilling one. Issue 10's probe, on the 2-core CI machine:
 * allocating a 64 × 784 array took 730 µs and a 256 × 784 one 2.7 ms, refilling either took 3–25 µs. For the
 * benchmark's MLP that is about a tenth of a 64-row training step (about 6 ms) and most of a 256-row scoring
 * batch's forward pass (3–4 ms).
 *
 * <p>The array returned by {@link #filled} belongs to the calling thread. It stays valid until that thread asks for
 * the same slot and shape again, so a caller uses it within its own call and never keeps it (DL4J's {@code fit} and
 * {@code output} do not keep their input past the next call). Each thread keeps its {@value #PER_THREAD} most recently
 * used arrays; a batch of another shape (a partition's last, shorter batch) gets its own.
 */
public final class ThreadArrays {
    private static final int PER_THREAD = 8;

    private static final ThreadLocal<Map<String, INDArray>> ARRAYS = PerThreadLru.withCapacity(PER_THREAD);

    private ThreadArrays() {
    }

    /**
     * This thread's dense row-major array of {@code shape} for {@code slot}, overwritten with {@code values}.
     *
     * @param slot names the use, so two inputs of one call (features and labels) never share an array
     */
    public static INDArray filled(String slot, float[] values, long... shape) {
        Map<String, INDArray> arrays = ARRAYS.get();
        String key = slot + Arrays.toString(shape);
        INDArray array = arrays.get(key);
        if (array == null) {
            // Outside any workspace a caller may have open: the array must outlive that scope.
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
            }
            arrays.put(key, array);
        }
        NativeFloats.copyInto(values, array);
        return array;
    }
}
