package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.layers.AttentiveGruDecoder;
import io.deepline.models.layers.DecoderContext;
import io.deepline.models.optim.SeedAdam;
import io.deepline.models.seq2seq.ReversalTask;
import io.deepline.models.state.Network;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.MultiDataSet;

/** {@link Seq2SeqSpec}: the graph it builds, its JSON, training with each encoder cell, and the errors. */
class Seq2SeqSpecTest {
    private static Seq2SeqSpec.Builder small() {
        return Seq2SeqSpec.builder().sourceVocabularySize(ReversalTask.VOCABULARY)
                .targetVocabularySize(ReversalTask.VOCABULARY + 3).embeddingSize(4).hiddenSize(6);
    }

    @Test
    void buildsEmbeddingsEncoderDecoderAndSoftmax() {
        Seq2SeqSpec spec = small().encoderCell("lstm").context("last").l2(0.01).dropout(0.2).learningRate(0.05)
                .build();
        ComputationGraphConfiguration conf = spec.toConfiguration();
        assertEquals(List.of(Seq2SeqSpec.SOURCE, Seq2SeqSpec.TARGET), conf.getNetworkInputs());
        assertEquals(List.of(Seq2SeqSpec.OUTPUT), conf.getNetworkOutputs());
        assertInstanceOf(LSTM.class, ((LayerVertex) conf.getVertices().get("encoder")).getLayerConf().getLayer());
        AttentiveGruDecoder decoder = (AttentiveGruDecoder) conf.getVertices().get(Seq2SeqSpec.DECODER);
        assertEquals(DecoderContext.LAST, decoder.context());
        assertEquals(6, decoder.hiddenSize());
        assertEquals(4, decoder.inputSize());
        assertEquals(0.02, decoder.l2(), 1e-15); // DL4J's c = 2λ, as the layers get
        assertEquals(new SeedAdam(0.05), decoder.updater());
        RnnOutputLayer output = (RnnOutputLayer) ((LayerVertex) conf.getVertices().get(Seq2SeqSpec.OUTPUT))
                .getLayerConf().getLayer();
        assertEquals(12, output.getNIn());
        assertEquals(ReversalTask.VOCABULARY + 3, output.getNOut());
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) output.getIDropout()).getP(), 1e-15);
    }

    @Test
    void sameSpecSameWeightsAndTheJsonRestoresTheGraph() {
        Seq2SeqSpec spec = small().seed(3).build();
        ComputationGraph graph = spec.buildGraph();
        assertEquals(graph.params(), spec.buildGraph().params());
        Network restored = Network.fromJson(graph.getConfiguration().toJson());
        assertEquals(graph.getConfiguration(), ((ComputationGraph) restored.model()).getConfiguration());
        assertEquals(graph.params(), restored.params());
        assertEquals(spec, spec.toBuilder().build());
    }

    /** Each encoder cell trains: the loss on a fixed batch falls over a few steps. */
    @ParameterizedTest
    @EnumSource(RecurrentCell.class)
    void everyEncoderCellTrains(RecurrentCell cell) {
        Network network = Network.of(small().targetVocabularySize(ReversalTask.VOCABULARY).encoderCell(cell)
                .learningRate(0.02).build().buildGraph());
        MultiDataSet batch = ReversalTask.batch(ReversalTask.sources(new Random(1), 8, 2, 5));
        double before = network.scoreExamples(batch, false).sumNumber().doubleValue();
        for (int i = 0; i < 10; i++) {
            network.fit(batch);
        }
        double after = network.scoreExamples(batch, false).sumNumber().doubleValue();
        assertTrue(after < 0.9 * before, cell + ": loss " + before + " → " + after);
        long steps = batch.getFeatures(1).size(2);
        assertArrayEquals(new long[] {8, ReversalTask.VOCABULARY, steps}, network.output(batch.getFeatures(),
                batch.getFeaturesMaskArrays()).shape());
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        assertMessage(small().sourceVocabularySize(4), "sourceVocabularySize is 4");
        assertMessage(small().targetVocabularySize(0), "targetVocabularySize is 0");
        assertMessage(small().embeddingSize(0), "embeddingSize is 0");
        assertMessage(small().hiddenSize(-2), "hiddenSize is -2");
        assertMessage(small().encoderCell((RecurrentCell) null), "encoderCell must be set");
        assertMessage(small().context((DecoderContext) null), "context must be set; use one of attention, last");
        assertMessage(small().dropout(1.0), "dropout is 1.0");
        assertMessage(small().learningRate(0), "learningRate is 0.0");
        IllegalArgumentException context = assertThrows(IllegalArgumentException.class, () -> small().context("soft"));
        assertEquals("context 'soft' is not supported; use one of attention, last", context.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().encoderCell("transformer"));
    }

    private static void assertMessage(Seq2SeqSpec.Builder builder, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
