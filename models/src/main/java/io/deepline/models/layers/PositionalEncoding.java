package io.deepline.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The course's positional encodings (§8.3.1), added to a sequence's embeddings: X̃ = X + P with
 * <pre>
 *   p_{t,2d} = sin(t / 10000^{2d/D}),   p_{t,2d+1} = cos(t / 10000^{2d/D})
 * </pre>
 * for steps t = 0, 1, … (the first step is t = 0, as in Vaswani et al.) and D features. It has no parameters; the
 * gradient passes through unchanged (∂X̃/∂X = I). Input and output are NCW [N, D, T]; padded steps get their
 * encoding too, and the layers after this one apply the mask.
 */
public final class PositionalEncoding extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    public PositionalEncoding() {
        super(new Builder());
    }

    private PositionalEncoding(Builder builder) {
        super(builder);
    }

    /** p_{t,i} for step t and feature i of D features. */
    public static double value(long t, long i, long features) {
        double angle = t / Math.pow(10_000.0, 2.0 * (i / 2) / features);
        return i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        PositionalEncodingLayer layer = new PositionalEncodingLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        requireNcw(inputType);
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireNcw(inputType);
    }

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
        return new LayerMemoryReport.Builder(layerName, PositionalEncoding.class, inputType, inputType)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    private static void requireNcw(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent rnn) || rnn.getFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("PositionalEncoding takes NCW sequences [N, D, T], got " + inputType
                    + "; put it after an embedding or recurrent layer");
        }
    }

    @Override
    public String toString() {
        return "PositionalEncoding(layerName=" + layerName + ")";
    }

    /** Builds a {@link PositionalEncoding}. */
    @SuppressWarnings("unchecked")
    public static final class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        public PositionalEncoding build() {
            return new PositionalEncoding(this);
        }
    }
}
