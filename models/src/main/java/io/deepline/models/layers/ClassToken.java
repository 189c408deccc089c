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

/**
 * BERT's [CLS] token (Devlin et al., 2019) as a DL4J layer configuration: a learned vector c ∈ R^D is prepended to
 * every sequence as step 0, so an encoder after this layer can gather the whole sequence into that step, and
 * {@link FirstStep} reads it back as the sequence's pooled vector:
 * <pre>
 *   [N, D, T] → [N, D, T + 1],   out[:, :, 0] = c,   out[:, :, 1:] = X
 * </pre>
 * The feature mask [N, T] gets a 1 column in front ([N, T + 1]): the token is a real step of every sequence, and
 * padding (always at the end) stays padding. Input and output are NCW; NWC and non-sequence input are rejected.
 *
 * <p>c (key {@value #CLS}, shape [1, D]) starts N(0, 1), on the scale of token embeddings plus positional
 * encodings, so the encoder does not see a near-zero step 0. It is a bias-type parameter, like {@link LayerNorm}'s
 * γ and β: a network-wide l2 on weights does not pull it towards 0; {@code l2Bias} and {@code biasUpdater} apply.
 * {@link ClassTokenLayer} computes the forward and backward pass.
 */
public final class ClassToken extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    /** Parameter key of the token vector c, shape [1, D]. */
    public static final String CLS = "cls";

    private ClassToken() { // for Jackson
    }

    private ClassToken(Builder builder) {
        super(builder);
        if (builder.nOutGiven() && nOut != nIn) {
            throw new IllegalArgumentException("ClassToken nOut is " + nOut + " but nIn is " + nIn + "; prepending a "
                    + "step keeps the D features, so leave nOut out");
        }
        this.nOut = nIn;
        this.activationFn = new ActivationIdentity(); // never applied; says so in the JSON
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (nIn <= 0) {
            throw new IllegalStateException("ClassToken nIn is " + nIn + "; set .nIn(D) on its builder or give the "
                    + "network an input type (ListBuilder.setInputType) so DL4J can infer it");
        }
        ClassTokenLayer layer = new ClassTokenLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return ClassTokenParams.getInstance();
    }

    /** recurrent(D, T + 1), or an unknown length when T is unknown. */
    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent rnn = requireNcw(inputType);
        long steps = rnn.getTimeSeriesLength();
        return InputType.recurrent(rnn.getSize(), steps > 0 ? steps + 1 : -1, RNNFormat.NCW);
    }

    /**
     * Takes D from the previous layer's output type. As for DL4J's own layers, {@code override} (DL4J's default,
     * {@code overrideNinUponBuild}) replaces a given nIn; without it a different given nIn is an error.
     */
    @Override
    public void setNIn(InputType inputType, boolean override) {
        long size = requireNcw(inputType).getSize();
        if (nIn <= 0 || override) {
            nIn = size;
            nOut = size;
        } else if (nIn != size) {
            throw new IllegalArgumentException("ClassToken nIn is " + nIn + " but the layer before gives " + size
                    + " features; drop .nIn(...) to infer it, or fix it");
        }
    }

    /** None: FeedForwardLayer's default would flatten the sequence, which this layer must see whole. */
    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        requireNcw(inputType);
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType output = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, ClassToken.class, inputType, output)
                .standardMemory(initializer().numParams(this), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    private static InputType.InputTypeRecurrent requireNcw(InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent rnn && rnn.getFormat() == RNNFormat.NCW) {
            return rnn;
        }
        throw new IllegalArgumentException("ClassToken takes NCW sequences [N, D, T], got " + inputType
                + "; put it after an embedding (plus positional encodings), with NCW data format");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassToken && super.equals(o);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof ClassToken;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + ClassToken.class.hashCode();
    }

    @Override
    public String toString() {
        return "ClassToken(nIn=" + nIn + ", layerName=" + layerName + ")";
    }

    /** Builds a {@link ClassToken}; nIn may be left out when the network has an input type. */
    @SuppressWarnings("unchecked") // build() narrows DL4J's generic <E extends Layer> E build(), as DL4J's builders do
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {

        public Builder() {
        }

        /** A token of D features. */
        public Builder(long features) {
            nIn(features);
        }

        /** D, the number of features per time step; &gt; 0. */
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

        private boolean nOutGiven() {
            return nOut > 0;
        }

        @Override
        public ClassToken build() {
            return new ClassToken(this);
        }
    }
}
