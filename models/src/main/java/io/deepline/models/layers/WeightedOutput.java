package io.deepline.models.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link OutputLayer} whose labels mask weights each example's loss and nothing else, so a mask of row weights
 * is a weighted loss Σ wᵢ·Lᵢ / rows. DL4J's own output layer also multiplies its pre-activation z by the mask: a 0/1
 * mask is unaffected, but a weight w turns the loss into w·L(w·z), which is not what a row weight means (a weighted
 * regression fitted it far worse than oversampling, and a softmax saw its logits rescaled). Same parameters, Params
 * and JSON fields as {@link OutputLayer}; build one with {@link #of}.
 */
public final class WeightedOutput extends OutputLayer {
    private static final long serialVersionUID = 1L;

    /** For JSON deserialization. */
    public WeightedOutput() {
    }

    private WeightedOutput(OutputLayer.Builder builder) {
        super(builder);
    }

    /** The output layer {@code builder} describes, with the labels mask weighting only the loss. */
    public static WeightedOutput of(OutputLayer.Builder builder) {
        return new WeightedOutput(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        WeightedOutputLayer layer = new WeightedOutputLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public String toString() {
        return "WeightedOutput(" + super.toString() + ")";
    }
}
