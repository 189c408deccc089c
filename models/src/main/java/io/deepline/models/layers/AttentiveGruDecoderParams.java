package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of an {@link AttentiveGruDecoder} with E decoder inputs and n hidden units, as views of the
 * graph's flat parameter (and gradient) array, in this order:
 * <pre>
 *   W  [E + n, 3·n]   input weights of the step input [x_{t'}; c_{t'}]   columns [W_z | W_r | W_h]   ('f' order)
 *   RW [n, 3·n]       recurrent weights                                  columns [U_z | U_r | U_h]
 *   b  [1, 3·n]       bias                                               [b_z | b_r | b_h]
 * </pre>
 * the layout of {@link GruParams} with the context appended to the input. Keys have no '_', which DL4J's updater
 * uses to split "vertex_param" gradient names.
 */
public final class AttentiveGruDecoderParams {
    /** Input weights of [x; c], [E + n, 3·n]. */
    public static final String INPUT_WEIGHTS = GruParams.INPUT_WEIGHTS;
    /** Recurrent weights, [n, 3·n]. */
    public static final String RECURRENT_WEIGHTS = GruParams.RECURRENT_WEIGHTS;
    /** Bias, [1, 3·n]. */
    public static final String BIAS = GruParams.BIAS;
    /** All keys, in the order of the flat array. */
    public static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);

    private static final int GATES = GruParams.GATES;

    private AttentiveGruDecoderParams() {
    }

    /** 3n(E + n) + 3n² + 3n. */
    public static long numParams(long inputSize, long hiddenSize) {
        return GATES * hiddenSize * (inputSize + 2 * hiddenSize + 1);
    }

    public static boolean isWeight(String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    /**
     * Initialises the flat row in place: each gate block of W and RW on its own with the fan-in and fan-out of that
     * block (as {@link GruParams} does), the bias at 0.
     */
    static void initialise(INDArray flatView, long inputSize, long hiddenSize, IWeightInit weightInit) {
        INDArray flat = checkedRow(flatView, inputSize, hiddenSize);
        long nIn = inputSize + hiddenSize;
        long n = hiddenSize;
        for (int gate = 0; gate < GATES; gate++) {
            weightInit.init(nIn, n, new long[] {nIn, n}, 'f', segment(flat, gate * nIn * n, nIn * n));
            weightInit.init(n, n, new long[] {n, n}, 'f', segment(flat, GATES * nIn * n + gate * n * n, n * n));
        }
        segment(flat, GATES * n * (nIn + n), GATES * n).assign(0);
    }

    /** The named views of a flat parameter or gradient array of this layout. */
    static Map<String, INDArray> views(INDArray flatView, long inputSize, long hiddenSize) {
        INDArray flat = checkedRow(flatView, inputSize, hiddenSize);
        long nIn = inputSize + hiddenSize;
        long width = GATES * hiddenSize;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHTS, segment(flat, 0, nIn * width).reshape('f', nIn, width));
        views.put(RECURRENT_WEIGHTS, segment(flat, nIn * width, hiddenSize * width).reshape('f', hiddenSize, width));
        views.put(BIAS, segment(flat, (nIn + hiddenSize) * width, width));
        return views;
    }

    /** The graph's flat view (rank 1 or [1, L]) as a [1, L] row, checked against this layout's size. */
    private static INDArray checkedRow(INDArray flatView, long inputSize, long hiddenSize) {
        long expected = numParams(inputSize, hiddenSize);
        if (flatView == null || flatView.length() != expected) {
            throw new IllegalStateException("AttentiveGruDecoder with " + inputSize + " inputs and " + hiddenSize
                    + " units has " + expected + " parameters, got a view of "
                    + (flatView == null ? "null" : flatView.length()));
        }
        return flatView.reshape(1, flatView.length());
    }

    /** The [1, length] view of the flat row starting at {@code start}. */
    private static INDArray segment(INDArray flat, long start, long length) {
        return flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, start + length));
    }
}
