package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of an {@link AttentiveGruDecoder} with E decoder inputs and n hidden units, as views of the
 * graph's flat parameter (and gradient) array, in this order:
 * <pre>
 *   W  [E, 3·n]   weights of the decoder input x_{t'}   columns [W_z | W_r | W_h]   ('f' order)
 *   WC [n, 3·n]   weights of the context c_{t'}         columns [W_z | W_r | W_h]
 *   RW [n, 3·n]   recurrent weights                     columns [U_z | U_r | U_h]
 *   b  [1, 3·n]   bias                                  [b_z | b_r | b_h]
 * </pre>
 * that is {@link GruParams}' layout for the step input [x; c], with the input weights [W; WC] kept as two
 * parameters: the pass multiplies x and c separately, and ND4J 1.0.0-M2.1 sometimes returns a rank-0 array for a
 * row range of an 'f'-ordered parameter view. Keys have no '_', which DL4J's updater uses to split "vertex_param"
 * gradient names.
 */
public final class AttentiveGruDecoderParams {
    /** Weights of the decoder input x, [E, 3·n]. */
    public static final String INPUT_WEIGHTS = GruParams.INPUT_WEIGHTS;
    /** Weights of the context c, [n, 3·n]. */
    public static final String CONTEXT_WEIGHTS = "WC";
    /** Recurrent weights, [n, 3·n]. */
    public static final String RECURRENT_WEIGHTS = GruParams.RECURRENT_WEIGHTS;
    /** Bias, [1, 3·n]. */
    public static final String BIAS = GruParams.BIAS;
    /** All keys, in the order of the flat array. */
    public static final List<String> KEYS = List.of(INPUT_WEIGHTS, CONTEXT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);

    private static final int GATES = GruParams.GATES;

    private AttentiveGruDecoderParams() {
    }

    /** 3n(E + n) + 3n² + 3n. */
    public static long numParams(long inputSize, long hiddenSize) {
        return GATES * hiddenSize * (inputSize + 2 * hiddenSize + 1);
    }

    public static boolean isWeight(String key) {
        return INPUT_WEIGHTS.equals(key) || CONTEXT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    /**
     * Initialises the flat row in place: each gate block on its own, as {@link GruParams} does, the input blocks of
     * W and WC with the fan-in of the whole step input (E + n) as if they were one matrix; the bias at 0.
     */
    static void initialise(INDArray flatView, long inputSize, long hiddenSize, IWeightInit weightInit) {
        Map<String, INDArray> views = views(flatView, inputSize, hiddenSize);
        long n = hiddenSize;
        long fanIn = inputSize + n;
        for (int gate = 0; gate < GATES; gate++) {
            INDArrayIndex[] block = {NDArrayIndex.all(), NDArrayIndex.interval(gate * n, (gate + 1) * n)};
            initialiseBlock(views.get(INPUT_WEIGHTS).get(block), fanIn, n, weightInit);
            initialiseBlock(views.get(CONTEXT_WEIGHTS).get(block), fanIn, n, weightInit);
            initialiseBlock(views.get(RECURRENT_WEIGHTS).get(block), n, n, weightInit);
        }
        views.get(BIAS).assign(0);
    }

    /** A gate block (a contiguous column range of an 'f' matrix) from {@code weightInit}. */
    private static void initialiseBlock(INDArray block, long fanIn, long fanOut, IWeightInit weightInit) {
        INDArray values = weightInit.init(fanIn, fanOut, block.shape(), 'f',
                org.nd4j.linalg.factory.Nd4j.createUninitialized(block.dataType(), block.shape(), 'f'));
        block.assign(values);
    }

    /** The named views of a flat parameter or gradient array of this layout. */
    static Map<String, INDArray> views(INDArray flatView, long inputSize, long hiddenSize) {
        INDArray flat = checkedRow(flatView, inputSize, hiddenSize);
        long width = GATES * hiddenSize;
        long n = hiddenSize;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHTS, segment(flat, 0, inputSize * width).reshape('f', inputSize, width));
        views.put(CONTEXT_WEIGHTS, segment(flat, inputSize * width, n * width).reshape('f', n, width));
        views.put(RECURRENT_WEIGHTS, segment(flat, (inputSize + n) * width, n * width).reshape('f', n, width));
        views.put(BIAS, segment(flat, (inputSize + 2 * n) * width, width));
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
