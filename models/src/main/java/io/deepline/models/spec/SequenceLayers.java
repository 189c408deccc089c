package io.deepline.models.spec;

import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;

/**
 * How a {@link SequenceSpec} becomes DL4J layers: embedding, stacked (bidirectional) recurrent layers, pooling and
 * the output layer. The spec says what the network is; this class says how DL4J builds it.
 */
final class SequenceLayers {
    private SequenceLayers() {
    }

    static MultiLayerConfiguration configuration(SequenceSpec spec, int nIn, OutputHead head) {
        checkInputWidth(spec, nIn);
        Objects.requireNonNull(head, "head");
        // Recurrent layers use tanh, so AUTO initialises them as Xavier (course §4.5.3).
        NeuralNetConfiguration.ListBuilder layers = spec.training().global(HiddenActivation.TANH).list();
        int previous = nIn;
        if (spec.input() == StepInput.TOKENS) {
            // A lookup table, no bias: row i is the embedding of token i. Any sequence length (inferInputLength).
            layers.layer(new EmbeddingSequenceLayer.Builder().nIn(spec.vocabularySize()).nOut(spec.embeddingSize())
                    .inferInputLength(true).hasBias(false).build());
            previous = spec.embeddingSize();
        }
        double keep = spec.dropout() > 0 ? 1.0 - spec.dropout() : 0; // DL4J takes the probability of KEEPING a unit
        int width = spec.bidirectional() ? 2 * spec.hiddenSize() : spec.hiddenSize();
        for (int i = 0; i < spec.numLayers(); i++) {
            // DL4J applies a layer's dropout to that layer's input: skip the first, which reads the input.
            Layer recurrent = spec.cell().layer(previous, spec.hiddenSize(), i > 0 ? keep : 0);
            if (spec.bidirectional()) {
                recurrent = new Bidirectional(Bidirectional.Mode.CONCAT, recurrent);
            }
            boolean last = i == spec.numLayers() - 1;
            if (last && spec.output() == SequenceOutput.MANY_TO_ONE && spec.pooling() == SequencePooling.LAST) {
                recurrent = new LastTimeStep(recurrent); // the state at each sequence's last unmasked step
            }
            layers.layer(recurrent);
            previous = width;
        }
        if (spec.output() == SequenceOutput.MANY_TO_ONE && spec.pooling() != SequencePooling.LAST) {
            layers.layer(new GlobalPoolingLayer.Builder(spec.pooling() == SequencePooling.MEAN ? PoolingType.AVG
                    : PoolingType.MAX).build()); // both skip masked steps
        }
        // No setInputType: every nIn is explicit, and an input type would reset the embedding's nIn to 1.
        return layers.layer(outputLayer(spec, previous, head, keep)).build();
    }

    private static void checkInputWidth(SequenceSpec spec, int nIn) {
        if (spec.input() == StepInput.TOKENS && nIn != 1) {
            throw new IllegalArgumentException("input=tokens reads one token id per step (NCW [batch, 1, T]), so"
                    + " nIn must be 1, got " + nIn + "; pass 1, or use input=real for " + nIn + " features per step");
        }
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features per step is " + nIn
                    + "; it must be > 0");
        }
    }

    private static BaseOutputLayer outputLayer(SequenceSpec spec, int nIn, OutputHead head, double keep) {
        // The per-step layer's format must be explicit: its builder leaves it null, which DL4J 1.0.0-M2.1 reads as
        // NWC (compares labels' sizes on the wrong axis) unless an input type was propagated, which we cannot do.
        BaseOutputLayer.Builder<?> builder = spec.output() == SequenceOutput.PER_STEP
                ? new RnnOutputLayer.Builder(head.loss()).dataFormat(RNNFormat.NCW) : new OutputLayer.Builder(head.loss());
        builder.nIn(nIn).nOut(head.size()).activation(head.activation());
        if (keep > 0) {
            builder.dropOut(keep);
        }
        return (BaseOutputLayer) builder.build();
    }
}
