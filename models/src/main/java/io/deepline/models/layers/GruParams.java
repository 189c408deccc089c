package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link Gru}, as views of the network's flat parameter (and gradient) array, in this order:
 * <pre>
 *   W  [nIn, 3·nOut]   input weights      columns [W_z | W_r | W_h]   ('f' order, so each gate block is contiguous)
 *   RW [nOut, 3·nOut]  recurrent weights  columns [U_z | U_r | U_h]
 *   b  [1, 3·nOut]     bias               [b_z | b_r | b_h]
 * </pre>
 * The keys are DL4J's own recurrent ones ("W", "RW", "b"), so {@code constrainInputWeights},
 * {@code constrainRecurrent}, l1/l2 (weights) and l1Bias/l2Bias apply as they do to DL4J's LSTM.
 */
public final class GruParams implements ParamInitializer {
    /** Input weights, [nIn, 3·nOut]. */
    public static final String INPUT_WEIGHTS = "W";
    /** Recurrent weights, [nOut, 3·nOut]. */
    public static final String RECURRENT_WEIGHTS = "RW";
    /** Bias, [1, 3·nOut]. */
    public static final String BIAS = "b";
    /** Gate blocks per parameter: update z, reset r, candidate h̃. */
    public static final int GATES = 3;

    private static final GruParams INSTANCE = new GruParams();
    private static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    private static final List<String> WEIGHT_KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    private static final List<String> BIAS_KEYS = List.of(BIAS);

    private GruParams() {
    }

    public static GruParams getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        Gru gru = gru(layer);
        long n = gru.getNOut();
        return GATES * n * (gru.getNIn() + n + 1);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEYS.contains(key);
    }

    /**
     * Each gate block of W and RW is initialised on its own, with the fan-in and fan-out of that block
     * ([nIn, nOut] and [nOut, nOut]), as if each gate were its own dense layer; the bias gets {@code biasInit}.
     */
    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Gru gru = gru(conf.getLayer());
        INDArray flat = checkedRow(gru, paramsView);
        if (initializeParams) {
            long nIn = gru.getNIn();
            long n = gru.getNOut();
            IWeightInit inputInit = gru.getWeightInitFn();
            IWeightInit recurrentInit = gru.getWeightInitFnRecurrent() != null ? gru.getWeightInitFnRecurrent()
                    : inputInit;
            for (int gate = 0; gate < GATES; gate++) {
                inputInit.init(nIn, n, new long[] {nIn, n}, 'f', segment(flat, gate * nIn * n, nIn * n));
                recurrentInit.init(n, n, new long[] {n, n}, 'f', segment(flat, GATES * nIn * n + gate * n * n, n * n));
            }
            segment(flat, GATES * n * (nIn + n), GATES * n).assign(gru.getBiasInit());
        }
        return views(gru, flat);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        Gru gru = gru(conf.getLayer());
        return views(gru, checkedRow(gru, gradientView));
    }

    private static Map<String, INDArray> views(Gru gru, INDArray flat) {
        long nIn = gru.getNIn();
        long n = gru.getNOut();
        long width = GATES * n;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHTS, segment(flat, 0, nIn * width).reshape('f', nIn, width));
        views.put(RECURRENT_WEIGHTS, segment(flat, nIn * width, n * width).reshape('f', n, width));
        views.put(BIAS, segment(flat, (nIn + n) * width, width));
        return views;
    }

    /** The [1, length] view of the flat row starting at {@code start}. */
    private static INDArray segment(INDArray flat, long start, long length) {
        return flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(start, start + length));
    }

    private static INDArray checkedRow(Gru gru, INDArray flat) {
        long expected = INSTANCE.numParams(gru);
        if (flat.length() != expected) {
            throw new IllegalStateException("Gru with nIn " + gru.getNIn() + " and nOut " + gru.getNOut() + " has "
                    + expected + " parameters, got a view of " + flat.length());
        }
        return flat.reshape(1, flat.length());
    }

    private static Gru gru(Layer layer) {
        if (!(layer instanceof Gru gru)) {
            throw new IllegalArgumentException("GruParams initialises Gru only, got " + layer);
        }
        return gru;
    }
}
