package io.deepline.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Layer normalisation exactly as the course's §4.5.4, as a DL4J layer configuration. For pre-activations
 * A ∈ R^{N×D}:
 * <pre>
 *   LayerNorm(a_{n,d}) = β_d + γ_d · (a_{n,d} − E[a_{n,·}]) / √(Var[a_{n,·}] + ε)
 * </pre>
 * with the mean and population variance (divided by D) over the D features of each row, learned γ (initialised
 * to 1) and β (initialised to 0), and ε a configuration value (default 1e-5). It applies no activation: put it
 * between a dense layer with identity activation and an {@code ActivationLayer}, e.g.
 * {@code .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).build())
 *  .layer(new LayerNorm.Builder().build()).layer(new ActivationLayer(Activation.RELU))}, with
 * {@code .setInputType(InputType.feedForward(nIn))} or an explicit {@code .nIn(D)}.
 *
 * <p>Sequences: recurrent input [N, D, T] (DL4J's default NCW format) is normalised over its D features at each
 * time step, with the same γ and β at every step; the output has the input's shape and type. NWC input is
 * rejected. Masked time steps are normalised like any other; the layers after them apply the mask.
 *
 * <p>Why not DL4J's pieces: {@code DenseLayer.hasLayerNorm} and ND4J's {@code layer_norm} op have no ε (see
 * {@code Dl4jDenseLayerNormTest}), and a {@code SameDiffLayer} gets twice the true gradient in M2.1 (see
 * {@code Dl4jSameDiffLayerGradientTest}), so {@link LayerNormLayer} computes the forward and backward pass itself.
 * γ and β are bias-type parameters, so a network-wide l2 on weights does not pull γ towards 0 (DL4J's own gain is
 * a weight); {@code l2Bias} and {@code biasUpdater} apply to them.
 */
public final class LayerNorm extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    /** Parameter key of γ, shape [1, D]. */
    public static final String GAMMA = "gamma";
    /** Parameter key of β, shape [1, D]. */
    public static final String BETA = "beta";
    public static final double DEFAULT_EPSILON = 1e-5;

    @JsonProperty
    private double epsilon = DEFAULT_EPSILON;

    private LayerNorm() { // for Jackson
    }

    private LayerNorm(Builder builder) {
        super(builder);
        this.epsilon = checkEpsilon(builder.epsilon);
        this.nOut = nIn; // normalisation keeps the size
        this.activationFn = new ActivationIdentity(); // never applied; says so in the JSON
    }

    /** ε, added to the variance under the square root. Not a bean getter, so Jackson sees only the field. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (nIn <= 0) {
            throw new IllegalStateException("LayerNorm nIn is " + nIn + "; set .nIn(D) on its builder or give the "
                    + "network an input type (ListBuilder.setInputType) so DL4J can infer it");
        }
        checkEpsilon(epsilon); // a hand-edited JSON configuration bypasses the builder
        LayerNormLayer layer = new LayerNormLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return LayerNormParams.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        featureCount(inputType);
        return inputType; // normalisation changes values, not sizes
    }

    /**
     * Takes D from the previous layer's output type. As for DL4J's own layers, {@code override} (DL4J's default,
     * {@code overrideNinUponBuild}) replaces a given nIn; without it a different given nIn is an error.
     */
    @Override
    public void setNIn(InputType inputType, boolean override) {
        long size = featureCount(inputType);
        if (nIn <= 0 || override) {
            nIn = size;
            nOut = size;
        } else if (nIn != size) {
            throw new IllegalArgumentException("LayerNorm nIn is " + nIn + " but the layer before gives " + size
                    + " features; drop .nIn(...) to infer it, or fix it");
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        featureCount(inputType);
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, LayerNorm.class, inputType, inputType)
                .standardMemory(initializer().numParams(this), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** D for the input types this layer takes: feed-forward [N, D] and recurrent NCW [N, D, T]. */
    private static long featureCount(InputType inputType) {
        if (inputType instanceof InputType.InputTypeFeedForward ff) {
            return ff.getSize();
        }
        if (inputType instanceof InputType.InputTypeRecurrent rnn && rnn.getFormat() == RNNFormat.NCW) {
            return rnn.getSize();
        }
        throw new IllegalArgumentException("LayerNorm takes feed-forward or NCW recurrent input, got " + inputType
                + "; flatten convolutional activations first, or use NCW for sequences");
    }

    private static double checkEpsilon(double epsilon) {
        if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epsilon is " + epsilon + "; it must be a finite number > 0, e.g. "
                    + DEFAULT_EPSILON);
        }
        return epsilon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerNorm l && super.equals(o) && Double.compare(epsilon, l.epsilon) == 0;
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof LayerNorm;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(epsilon);
    }

    @Override
    public String toString() {
        return "LayerNorm(nIn=" + nIn + ", epsilon=" + epsilon + ", layerName=" + layerName + ")";
    }

    /** Builds a {@link LayerNorm}; nIn may be left out when the network has an input type. */
    @SuppressWarnings("unchecked") // build() narrows DL4J's generic <E extends Layer> E build(), as DL4J's builders do
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private double epsilon = DEFAULT_EPSILON;

        /** D, the number of features per example (per time step for sequences); &gt; 0. */
        @Override
        public Builder nIn(long nIn) {
            if (nIn <= 0) {
                throw new IllegalArgumentException("nIn is " + nIn + "; it must be > 0 (the number of features D), "
                        + "or leave it out to infer it from the network's input type");
            }
            return super.nIn(nIn);
        }

        @Override
        public Builder nIn(int nIn) {
            return nIn((long) nIn);
        }

        /** ε under the square root, finite and &gt; 0; default 1e-5. */
        public Builder epsilon(double epsilon) {
            this.epsilon = checkEpsilon(epsilon);
            return this;
        }

        @Override
        public LayerNorm build() {
            return new LayerNorm(this);
        }
    }
}
