package io.deepline.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer applied at every position of an NCW sequence [N, nIn, T] → [N, nOut, T]: out_t = σ(x_t W + b) with
 * the same W [nIn, nOut] and b [1, nOut] at every step (DL4J's {@code DenseLayer} parameters, initialisation, L2
 * and input dropout). The Transformer's position-wise feed-forward network is two of these, and a vector input's
 * projection to modelDim one.
 *
 * <p>Why not DL4J's {@code TimeDistributed(DenseLayer)}: in 1.0.0-M2.1 it reshapes the activations to rows in 'c'
 * order (row n·T + t) but the feature mask in 'f' order (row t·N + n), so with sequences of different lengths in a
 * batch the dense layer zeroes the wrong positions (see {@code PositionWiseDenseTest}). This layer ignores the mask:
 * each position is computed on its own, so padding cannot reach a real position, and the layers after it mask.
 */
public final class PositionWiseDense extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    private PositionWiseDense() { // for Jackson
    }

    private PositionWiseDense(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        if (nIn <= 0 || nOut <= 0) {
            throw new IllegalStateException("PositionWiseDense needs nIn > 0 and nOut > 0, got nIn " + nIn + ", nOut "
                    + nOut + "; set both on its builder");
        }
        PositionWiseDenseLayer layer = new PositionWiseDenseLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent recurrent = recurrent(inputType);
        return InputType.recurrent(nOut, recurrent.getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = recurrent(inputType).getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        recurrent(inputType);
        return null; // the layer takes the sequence as it is
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, PositionWiseDense.class, inputType,
                getOutputType(-1, inputType)).standardMemory(initializer().numParams(this), 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    private static InputType.InputTypeRecurrent recurrent(InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent rnn && rnn.getFormat() == RNNFormat.NCW) {
            return rnn;
        }
        throw new IllegalArgumentException("PositionWiseDense takes NCW recurrent input [N, features, T], got "
                + inputType + "; use a DenseLayer for feed-forward input");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PositionWiseDense && super.equals(o);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof PositionWiseDense;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return "PositionWiseDense(nIn=" + nIn + ", nOut=" + nOut + ", activation=" + activationFn + ", layerName="
                + layerName + ")";
    }

    /** Builds a {@link PositionWiseDense}: nIn, nOut, and optionally activation and weight init. */
    @SuppressWarnings("unchecked")
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        @Override
        public PositionWiseDense build() {
            return new PositionWiseDense(this);
        }
    }
}
