package io.deepline.models.spec;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * How a {@link Seq2SeqSpec} with architecture transformer becomes a DL4J ComputationGraph, with the same inputs and
 * output as the recurrent one (so training, greedy decoding and persistence are shared):
 * <pre>
 *   source [b, 1, T]  → sourceEmbedding (+ positions) → encoder blocks ───────────┐
 *   target [b, 1, T'] → targetEmbedding (+ positions) → decoder blocks (causal) ←──┘ → output (softmax)
 * </pre>
 */
final class TransformerSeq2SeqGraph {
    private TransformerSeq2SeqGraph() {
    }

    static ComputationGraphConfiguration configuration(Seq2SeqSpec spec) {
        TransformerShape shape = spec.transformer();
        GraphBuilder graph = spec.training().global(HiddenActivation.TANH).graphBuilder()
                .addInputs(Seq2SeqSpec.SOURCE, Seq2SeqSpec.TARGET);
        TransformerBlocks blocks = new TransformerBlocks(graph, shape,
                spec.training().vertexUpdater(), spec.training().vertexL2());
        String source = blocks.embedTokens(Seq2SeqSpec.SOURCE, spec.sourceVocabularySize(), true, "sourceEmbedding");
        String encoded = blocks.encoder(source, "encoder");
        String target = blocks.embedTokens(Seq2SeqSpec.TARGET, spec.targetVocabularySize(), true, "targetEmbedding");
        String decoded = blocks.decoder(target, encoded, Seq2SeqSpec.DECODER);
        graph.addLayer(Seq2SeqSpec.OUTPUT, new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(shape.modelDim())
                .nOut(spec.targetVocabularySize()).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW).build(), decoded); // an unset format is read as NWC without input types
        return graph.setOutputs(Seq2SeqSpec.OUTPUT).build();
    }
}
