package io.deepline.models.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one parameter of a {@link ClassToken}: the token vector c, [1, D], as a view of the network's flat parameter
 * (and gradient) array. It is a bias-type parameter (see {@link ClassToken} for why); there are no weights.
 */
public final class ClassTokenParams implements ParamInitializer {
    private static final ClassTokenParams INSTANCE = new ClassTokenParams();
    private static final List<String> KEYS = List.of(ClassToken.CLS);

    private ClassTokenParams() {
    }

    public static ClassTokenParams getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return features(layer);
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

    /**
     * c ~ N(0, 1) when {@code initializeParams}, drawn from ND4J's global RNG as DL4J's weight initialisers are, so
     * the network's seed fixes it.
     */
    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = views(conf.getLayer(), paramsView);
        if (initializeParams) {
            INDArray cls = params.get(ClassToken.CLS);
            cls.assign(Nd4j.randn(cls.dataType(), cls.shape()));
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views(conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(Layer layer, INDArray flat) {
        long d = features(layer);
        if (flat.length() != d) {
            throw new IllegalStateException("ClassToken with nIn " + d + " has " + d + " parameters, got a view of "
                    + flat.length());
        }
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(ClassToken.CLS, flat.reshape(1, d));
        return views;
    }

    private static long features(Layer layer) {
        if (!(layer instanceof ClassToken token)) {
            throw new IllegalArgumentException("ClassTokenParams initialises ClassToken only, got " + layer);
        }
        return token.getNIn();
    }
}
