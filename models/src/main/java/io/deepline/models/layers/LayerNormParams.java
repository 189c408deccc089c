package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link LayerNorm}: γ then β, each [1, D], as views of the network's flat parameter (and
 * gradient) array. Both are bias-type parameters (see {@link LayerNorm} for why); there are no weights.
 */
public final class LayerNormParams implements ParamInitializer {
    private static final LayerNormParams INSTANCE = new LayerNormParams();
    private static final List<String> KEYS = List.of(LayerNorm.GAMMA, LayerNorm.BETA);

    private LayerNormParams() {
    }

    public static LayerNormParams getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return 2 * features(layer);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return KEYS.contains(key);
    }

    /** γ = 1 and β = 0 when {@code initializeParams}, so a fresh layer only standardises. */
    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            params.get(LayerNorm.GAMMA).assign(1.0);
            params.get(LayerNorm.BETA).assign(0.0);
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(Layer layer, INDArray flat) {
        long d = features(layer);
        if (flat.length() != 2 * d) {
            throw new IllegalStateException("LayerNorm with nIn " + d + " has " + 2 * d + " parameters, got a view of "
                    + flat.length());
        }
        INDArray row = flat.reshape(1, flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(LayerNorm.GAMMA, row.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, d)));
        views.put(LayerNorm.BETA, row.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(d, 2 * d)));
        return views;
    }

    private static long features(Layer layer) {
        if (!(layer instanceof LayerNorm norm)) {
            throw new IllegalArgumentException("LayerNormParams initialises LayerNorm only, got " + layer);
        }
        return norm.getNIn();
    }
}
