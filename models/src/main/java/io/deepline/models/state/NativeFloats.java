package io.deepline.models.state;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java {@code float[]} and ND4J arrays, in row-major element order.
 *
 * <p>ND4J's own conversions ({@code Nd4j.create(float[])}, {@code assign}, {@code toFloatVector}) go element by
 * element through its buffer indexer and, for {@code create}, allocate a native temporary freed only by GC. A training
 * round moves a worker's params and Adam state in and out, and scoring moves every batch: writing the MLP's 470,000
 * Adam values took 1.9 ms that way and 0.06 ms in bulk (issue 10's probe). A dense FLOAT array on the CPU backend is
 * one run of native memory, so a {@link FloatBuffer} over it copies at memcpy speed.
 *
 * <p>Anything else (another data type, a strided view, the CUDA backend, whose host copy a direct write would leave
 * stale) takes ND4J's own path, so the result is the same either way.
 */
public final class NativeFloats {
    private NativeFloats() {
    }

    /** A new dense row-major (c-order) FLOAT array of {@code shape} holding {@code values}. */
    public static INDArray array(float[] values, long... shape) {
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        copyInto(values, array);
        return array;
    }

    /** Overwrites {@code target}'s values with {@code values}, in row-major order; the lengths must match. */
    public static void copyInto(float[] values, INDArray target) {
        requireLength(values.length, target.length(), "the target array of shape " + Arrays.toString(target.shape()));
        FloatBuffer direct = directBuffer(target);
        if (direct != null) {
            direct.put(values);
        } else {
            target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
        }
    }

    /** {@code source}'s values as floats, in row-major order. */
    public static float[] copyOf(INDArray source) {
        FloatBuffer direct = directBuffer(source);
        if (direct != null) {
            float[] values = new float[direct.remaining()];
            direct.get(values);
            return values;
        }
        INDArray floats = source.dataType() == DataType.FLOAT ? source : source.castTo(DataType.FLOAT);
        return floats.dup('c').data().asFloat();
    }

    /** Whether {@link #copyInto} and {@link #copyOf} take the bulk path for {@code array}. */
    static boolean isDirectlyWritable(INDArray array) {
        return directBuffer(array) != null;
    }

    /**
     * A buffer over exactly {@code array}'s elements in host memory, or null if they are not one run of FLOAT
     * values in row-major order there: it must be c-ordered with element-wise stride 1, or a vector (whose memory
     * order is its element order).
     */
    private static FloatBuffer directBuffer(INDArray array) {
        boolean oneRun = array.elementWiseStride() == 1 && (array.ordering() == 'c' || array.isVector());
        if (!Nd4j.getEnvironment().isCPU() || array.dataType() != DataType.FLOAT || !oneRun || array.isEmpty()) {
            return null;
        }
        // The buffer spans the whole allocation; a view's elements start at its offset within it.
        FloatBuffer buffer = array.data().asNioFloat();
        long end = array.offset() + array.length();
        if (end > buffer.capacity()) {
            return null;
        }
        buffer.limit((int) end);
        buffer.position((int) array.offset());
        return buffer;
    }

    private static void requireLength(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("cannot copy " + actual + " floats into " + what + ", which holds "
                    + expected);
        }
    }
}
