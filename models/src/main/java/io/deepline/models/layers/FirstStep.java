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
 * A sequence's first step as its pooled vector: NCW [N, D, T] → feed-forward [N, D] = X[:, :, 0]. After a
 * {@link ClassToken} and an encoder, step 0 is the [CLS] position, which the encoder has filled with what the
 * classifier needs (BERT's pooling). No parameters; the gradient goes to step 0 only. The output has one row per
 * sequence, so the feature mask ends here (as after DL4J's {@code GlobalPoolingLayer}).
 */
public final class FirstStep extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    public FirstStep() {
        super(new Builder());
    }

    private FirstStep(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        FirstStepLayer layer = new FirstStepLayer(conf, networkDataType);
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
        return InputType.feedForward(requireNcw(inputType).getSize());
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
        return new LayerMemoryReport.Builder(layerName, FirstStep.class, inputType, getOutputType(-1, inputType))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    private static InputType.InputTypeRecurrent requireNcw(InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent rnn && rnn.getFormat() == RNNFormat.NCW) {
            return rnn;
        }
        throw new IllegalArgumentException("FirstStep takes NCW sequences [N, D, T], got " + inputType
                + "; put it after a recurrent or attention layer with NCW data format");
    }

    @Override
    public String toString() {
        return "FirstStep(layerName=" + layerName + ")";
    }

    /** Builds a {@link FirstStep}. */
    @SuppressWarnings("unchecked")
    public static final class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        public FirstStep build() {
            return new FirstStep(this);
        }
    }
}
