package io.deepline.models.spec;

import io.deepline.models.layers.AttentiveGruDecoder;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * How a {@link Seq2SeqSpec} becomes a DL4J ComputationGraph:
 * <pre>
 *   source [b, 1, T]  → sourceEmbedding → encoder (rnn | lstm | gru, all steps) ─┐
 *   target [b, 1, T'] → targetEmbedding ─────────────────────────────────────────┴→ decoder → output (softmax)
 * </pre>
 * The spec says what the network is; this class says how DL4J builds it.
 */
final class Seq2SeqGraph {
    private Seq2SeqGraph() {
    }

    static ComputationGraphConfiguration configuration(Seq2SeqSpec spec) {
        WeightInit weightInit = spec.weightInit().dl4j(HiddenActivation.TANH); // recurrent units: tanh and sigmoid
        // The vertex gets the graph's updater and L2 explicitly: DL4J passes global settings to layers only.
        IUpdater updater = spec.training().vertexUpdater();
        double keep = spec.dropout() > 0 ? 1.0 - spec.dropout() : 0; // DL4J takes the probability of KEEPING a unit
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(LossFunction.MCXENT)
                .nIn(2L * spec.hiddenSize()).nOut(spec.targetVocabularySize()).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW); // without input types DL4J leaves the format unset and misreads [b, V, T']
        if (keep > 0) {
            output.dropOut(keep); // on [s; c], the decoder's output
        }
        return spec.training().global(HiddenActivation.TANH).graphBuilder()
                .addInputs(Seq2SeqSpec.SOURCE, Seq2SeqSpec.TARGET)
                .addLayer("sourceEmbedding", embedding(spec.sourceVocabularySize(), spec.embeddingSize()),
                        Seq2SeqSpec.SOURCE)
                .addLayer("encoder", spec.encoderCell().layer(spec.embeddingSize(), spec.hiddenSize(), 0),
                        "sourceEmbedding")
                .addLayer("targetEmbedding", embedding(spec.targetVocabularySize(), spec.embeddingSize()),
                        Seq2SeqSpec.TARGET)
                .addVertex(Seq2SeqSpec.DECODER, AttentiveGruDecoder.builder().inputSize(spec.embeddingSize())
                        .hiddenSize(spec.hiddenSize()).context(spec.context())
                        .weightInit(weightInit.getWeightInitFunction()).updater(updater)
                        .l2(spec.training().vertexL2())
                        .build(), "encoder", "targetEmbedding")
                .addLayer(Seq2SeqSpec.OUTPUT, output.build(), Seq2SeqSpec.DECODER)
                .setOutputs(Seq2SeqSpec.OUTPUT)
                // No setInputTypes: every nIn is explicit, and an input type would reset the embeddings' nIn to 1.
                .build();
    }

    /** A lookup table, no bias: row i is the embedding of token i. Any sequence length. */
    private static EmbeddingSequenceLayer embedding(int vocabularySize, int embeddingSize) {
        return new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(embeddingSize).inferInputLength(true)
                .hasBias(false).build();
    }
}
