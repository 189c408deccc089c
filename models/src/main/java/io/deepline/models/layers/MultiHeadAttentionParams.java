package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link MultiHeadAttention} over D = modelDim features, as views of the graph's flat
 * parameter (and gradient) array, in this order:
 * <pre>
 *   Wq [D, D]  bq [1, D]   query projection; columns e·D/E … (e+1)·D/E − 1 are head e's W_{q,e} (eq. 34)
 *   Wk [D, D]  bk [1, D]   key projection, per head likewise
 *   Wv [D, D]  bv [1, D]   value projection, per head likewise
 *   Wo [D, D]  bo [1, D]   output projection of the concatenated heads [A_1, …, A_E] W_o
 * </pre>
 * The course's eq. 34 has no biases; we add them as Vaswani et al.'s reference implementation does (they start at 0).
 * Keys have no '_', which DL4J's updater uses to split "vertex_param" gradient names.
 */
public final class MultiHeadAttentionParams {
    public static final String QUERY_WEIGHTS = "Wq";
    public static final String QUERY_BIAS = "bq";
    public static final String KEY_WEIGHTS = "Wk";
    public static final String KEY_BIAS = "bk";
    public static final String VALUE_WEIGHTS = "Wv";
    public static final String VALUE_BIAS = "bv";
    public static final String OUTPUT_WEIGHTS = "Wo";
    public static final String OUTPUT_BIAS = "bo";
    /** All keys, in the order of the flat array: (weights, bias) for q, k, v, o. */
    public static final List<String> KEYS = List.of(QUERY_WEIGHTS, QUERY_BIAS, KEY_WEIGHTS, KEY_BIAS, VALUE_WEIGHTS,
            VALUE_BIAS, OUTPUT_WEIGHTS, OUTPUT_BIAS);

    private MultiHeadAttentionParams() {
    }

    /** 4·(D² + D). */
    public static long numParams(long modelDim) {
        return 4 * (modelDim * modelDim + modelDim);
    }

    public static boolean isWeight(String key) {
        return key.startsWith("W");
    }

    /** Initialises the flat row in place: each projection from {@code weightInit} with fan-in = fan-out = D. */
    static void initialise(INDArray flatView, long modelDim, IWeightInit weightInit) {
        for (Map.Entry<String, INDArray> entry : views(flatView, modelDim).entrySet()) {
            INDArray view = entry.getValue();
            if (isWeight(entry.getKey())) {
                view.assign(weightInit.init(modelDim, modelDim, view.shape(), 'c',
                        Nd4j.createUninitialized(view.dataType(), view.shape(), 'c')));
            } else {
                view.assign(0);
            }
        }
    }

    /** The named views of a flat parameter or gradient array of this layout. */
    static Map<String, INDArray> views(INDArray flatView, long modelDim) {
        long expected = numParams(modelDim);
        if (flatView == null || flatView.length() != expected) {
            throw new IllegalStateException("MultiHeadAttention with modelDim " + modelDim + " has " + expected
                    + " parameters, got a view of " + (flatView == null ? "null" : flatView.length()));
        }
        INDArray flat = flatView.reshape(1, flatView.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long start = 0;
        for (String key : KEYS) {
            long length = isWeight(key) ? modelDim * modelDim : modelDim;
            INDArray segment = flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, start + length));
            views.put(key, isWeight(key) ? segment.reshape('c', modelDim, modelDim) : segment);
            start += length;
        }
        return views;
    }
}
