package io.deepline.models.spec;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multilayer perceptron classifier: dense hidden layers, then a softmax output trained with multi-class
 * cross-entropy (MCXENT). Immutable; every value is checked here, so an invalid network is never built.
 *
 * @param hiddenLayers sizes of the hidden layers, input side first; at least one, each &gt; 0
 * @param activation   activation of every hidden layer
 * @param dropout      probability of <em>dropping</em> a hidden unit during training, in [0, 1). It is applied
 *                     to the output of every hidden layer, not to the input features.
 * @param l2           L2 penalty coefficient on the weights (not the biases), &ge; 0
 * @param updater      the optimizer
 * @param learningRate step size, &gt; 0 and finite
 * @param seed         seed of the weight initialisation and of dropout
 */
public record MlpSpec(int[] hiddenLayers, HiddenActivation activation, double dropout, double l2,
                      UpdaterKind updater, double learningRate, long seed) {

    public MlpSpec {
        if (hiddenLayers == null || hiddenLayers.length == 0) {
            throw new IllegalArgumentException("hiddenLayers must list at least one hidden layer size, e.g. [64, 32]");
        }
        hiddenLayers = hiddenLayers.clone();
        for (int i = 0; i < hiddenLayers.length; i++) {
            if (hiddenLayers[i] <= 0) {
                throw new IllegalArgumentException("hiddenLayers[" + i + "] is " + hiddenLayers[i]
                        + "; every hidden layer size must be > 0");
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must be set; use one of "
                    + String.join(", ", HiddenActivation.names()));
        }
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException("dropout is " + dropout
                    + "; it is the probability of dropping a unit and must be in [0, 1)");
        }
        if (!(l2 >= 0.0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 is " + l2 + "; it must be a finite number >= 0");
        }
        if (updater == null) {
            throw new IllegalArgumentException("updater must be set; use one of " + String.join(", ", UpdaterKind.names()));
        }
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate is " + learningRate + "; it must be a finite number > 0");
        }
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /**
     * The DL4J configuration for {@code nIn} input features and {@code numClasses} classes.
     * Parameters are float32, the ND4J default on both CPU and GPU.
     */
    public MultiLayerConfiguration toConfiguration(int nIn, int numClasses) {
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features is " + nIn + "; it must be > 0");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
        }
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater.create(learningRate))
                .weightInit(activation.weightInit());
        if (l2 > 0) {
            global.l2(l2);
        }
        NeuralNetConfiguration.ListBuilder layers = global.list();
        int previous = nIn;
        for (int i = 0; i < hiddenLayers.length; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder()
                    .nIn(previous).nOut(hiddenLayers[i]).activation(activation.dl4jActivation());
            // DL4J applies a layer's dropout to that layer's input, and takes the probability of KEEPING a unit.
            if (i > 0 && dropout > 0) {
                dense.dropOut(1.0 - dropout);
            }
            layers.layer(dense.build());
            previous = hiddenLayers[i];
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(previous).nOut(numClasses).activation(Activation.SOFTMAX);
        if (dropout > 0) {
            output.dropOut(1.0 - dropout);
        }
        return layers.layer(output.build()).build();
    }

    /** A freshly initialised network; the same spec and sizes always give the same initial weights. */
    public MultiLayerNetwork buildNetwork(int nIn, int numClasses) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(nIn, numClasses));
        net.init();
        return net;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && Arrays.equals(hiddenLayers, s.hiddenLayers) && activation == s.activation
                && Double.compare(dropout, s.dropout) == 0 && Double.compare(l2, s.l2) == 0
                && updater == s.updater && Double.compare(learningRate, s.learningRate) == 0 && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hiddenLayers)
                + java.util.Objects.hash(activation, dropout, l2, updater, learningRate, seed);
    }

    @Override
    public String toString() {
        return "MlpSpec[hiddenLayers=" + Arrays.toString(hiddenLayers) + ", activation=" + activation
                + ", dropout=" + dropout + ", l2=" + l2 + ", updater=" + updater
                + ", learningRate=" + learningRate + ", seed=" + seed + "]";
    }
}
