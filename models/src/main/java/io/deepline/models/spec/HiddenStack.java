package io.deepline.models.spec;

import java.util.ArrayList;
import java.util.List;
import io.deepline.models.layers.LayerNorm;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * The DL4J layers of one hidden block of an {@link MlpSpec}: a dense layer, optionally with a normalization
 * before or after its activation (course §4.5.4).
 */
final class HiddenStack {
    private HiddenStack() {
    }

    /**
     * @param dropoutKeep DL4J's retain probability for this block's input, or 0 for no dropout
     */
    static List<Layer> block(int nIn, int nOut, IActivation activation, Normalization normalization,
                             boolean fitIntercept, double dropoutKeep) {
        List<Layer> layers = new ArrayList<>(3);
        DenseLayer.Builder dense = new DenseLayer.Builder().nIn(nIn).nOut(nOut).hasBias(fitIntercept);
        if (dropoutKeep > 0) {
            dense.dropOut(dropoutKeep);
        }
        switch (normalization) {
            case NONE -> layers.add(dense.activation(activation).build());
            case BATCH_AFTER_ACTIVATION -> {
                layers.add(dense.activation(activation).build());
                layers.add(new BatchNormalization.Builder().nIn(nOut).nOut(nOut).build());
            }
            case BATCH_BEFORE_ACTIVATION -> {
                layers.add(dense.activation(Activation.IDENTITY).build());
                layers.add(new BatchNormalization.Builder().nIn(nOut).nOut(nOut).build());
                layers.add(new ActivationLayer.Builder().activation(activation).build());
            }
            case LAYER -> {
                // Our LayerNorm, not DenseLayer.hasLayerNorm: DL4J's divides by the standard deviation with no ε
                // (measured in Dl4jDenseLayerNormTest), which differs from the course's formula.
                layers.add(dense.activation(Activation.IDENTITY).build());
                layers.add(new LayerNorm.Builder().nIn(nOut).nOut(nOut).build());
                layers.add(new ActivationLayer.Builder().activation(activation).build());
            }
        }
        return layers;
    }
}
