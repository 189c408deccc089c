package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.layers.ClassToken;
import io.deepline.models.layers.LayerNorm;
import io.deepline.models.layers.MultiHeadAttention;
import io.deepline.models.layers.MultiHeadAttentionParams;
import io.deepline.models.seq2seq.ReversalTask;
import io.deepline.models.state.Network;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** {@link TransformerSpec} and {@link Seq2SeqSpec} with architecture transformer: their graphs, JSON and errors. */
class TransformerSpecTest {

    @Test
    void postNormEncoderBlocksEndInLayerNormAndPreNormAddsAFinalNorm() {
        ComputationGraphConfiguration post = TransformerGraphs.classifier(StepInput.TOKENS, false,
                TransformerPooling.MEAN, true).toConfiguration(1, OutputHead.categorical(3));
        assertEquals(2, count(post, MultiHeadAttention.class));
        assertEquals(4, countLayers(post, LayerNorm.class)); // two per block
        assertEquals("encoder1FeedForwardNorm", post.getVertexInputs().get("pooling").get(0));
        ComputationGraphConfiguration pre = TransformerGraphs.classifier(StepInput.TOKENS, true,
                TransformerPooling.CLS, true).toConfiguration(1, OutputHead.categorical(3));
        assertEquals(5, countLayers(pre, LayerNorm.class)); // two per block and the final one
        assertEquals("encoderNorm", pre.getVertexInputs().get("pooling").get(0));
        assertEquals(1, countLayers(pre, ClassToken.class));
    }

    @Test
    void decoderBlocksHaveCausalSelfAttentionAndCrossAttentionOverTheEncoder() {
        ComputationGraphConfiguration conf = TransformerGraphs.seq2seq(false).toConfiguration();
        assertEquals(List.of(Seq2SeqSpec.SOURCE, Seq2SeqSpec.TARGET), conf.getNetworkInputs());
        assertEquals(List.of(Seq2SeqSpec.OUTPUT), conf.getNetworkOutputs());
        assertTrue(((MultiHeadAttention) conf.getVertices().get("decoder0SelfAttention")).causal());
        assertTrue(!((MultiHeadAttention) conf.getVertices().get("encoder0SelfAttention")).causal());
        assertEquals(List.of("decoder0SelfAttentionNorm", "encoder0FeedForwardNorm"),
                conf.getVertexInputs().get("decoder0CrossAttention"));
    }

    @Test
    void parameterCountsFollowTheBlocks() {
        int d = 4;
        int ff = 6;
        long attention = MultiHeadAttentionParams.numParams(d); // 4(D² + D)
        long feedForward = (long) d * ff + ff + (long) ff * d + d;
        long norm = 2L * d;
        long encoderBlock = attention + feedForward + 2 * norm;
        long decoderBlock = 2 * attention + feedForward + 3 * norm;
        long embeddings = 2L * ReversalTask.VOCABULARY * d;
        long output = (long) d * ReversalTask.VOCABULARY + ReversalTask.VOCABULARY;
        ComputationGraph graph = TransformerGraphs.seq2seq(false).buildGraph(); // one block each
        assertEquals(embeddings + encoderBlock + decoderBlock + output, graph.params().length());
    }

    @Test
    void sameSpecSameWeightsAndTheJsonRestoresTheGraph() {
        TransformerSpec spec = TransformerGraphs.classifier(StepInput.REAL, true, TransformerPooling.CLS, true);
        ComputationGraph graph = spec.buildGraph(3, OutputHead.categorical(3));
        assertEquals(graph.params(), spec.buildGraph(3, OutputHead.categorical(3)).params());
        ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(
                graph.getConfiguration().toJson());
        assertEquals(graph.getConfiguration(), restored);
        Network network = Network.fromJson(graph.getConfiguration().toJson());
        assertEquals(graph.params().length(), network.params().length());

        Seq2SeqSpec seq2seq = TransformerGraphs.seq2seq(true);
        assertEquals(seq2seq, seq2seq.toBuilder().build());
        assertEquals(seq2seq.toConfiguration(), ComputationGraphConfiguration.fromJson(
                seq2seq.toConfiguration().toJson()));
    }

    @Test
    void badSizesAreNamed() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new TransformerShape(30, 4, 8, 1, 0, false));
        assertTrue(heads.getMessage().contains("numHeads is 4") && heads.getMessage().contains("modelDim 30"),
                heads.getMessage());
        IllegalArgumentException viaSeq2Seq = assertThrows(IllegalArgumentException.class,
                () -> Seq2SeqSpec.builder().architecture("transformer").sourceVocabularySize(10)
                        .targetVocabularySize(10).modelDim(10).numHeads(3).build());
        assertTrue(viaSeq2Seq.getMessage().contains("numHeads is 3"), viaSeq2Seq.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TransformerShape(8, 2, 0, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TransformerShape(8, 2, 8, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TransformerShape(8, 2, 8, 1, 1.0, false));
        IllegalArgumentException vocabulary = assertThrows(IllegalArgumentException.class,
                () -> new TransformerSpec(StepInput.TOKENS, 0, TransformerShape.small(), TransformerPooling.MEAN,
                        true, NetworkTraining.defaults()));
        assertTrue(vocabulary.getMessage().contains("vocabularySize"), vocabulary.getMessage());
        IllegalArgumentException architecture = assertThrows(IllegalArgumentException.class,
                () -> Seq2SeqSpec.builder().architecture("transfomer"));
        assertTrue(architecture.getMessage().contains("transformer"), architecture.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> TransformerGraphs.classifier(StepInput.TOKENS, false, TransformerPooling.MEAN, true)
                        .toConfiguration(3, OutputHead.categorical(2)));
        assertTrue(width.getMessage().contains("nIn must be 1"), width.getMessage());
    }

    private static long count(ComputationGraphConfiguration conf, Class<? extends GraphVertex> type) {
        return conf.getVertices().values().stream().filter(type::isInstance).count();
    }

    private static long countLayers(ComputationGraphConfiguration conf, Class<?> type) {
        return conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex l && type.isInstance(l.getLayerConf().getLayer())).count();
    }
}
