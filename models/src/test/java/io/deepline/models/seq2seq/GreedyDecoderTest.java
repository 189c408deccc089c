package io.deepline.models.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.Seq2SeqSpec;
import io.deepline.models.state.Network;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GreedyDecoder} on a graph with large random weights (so that it emits varied, long outputs without
 * training): its tokens are the graph's own argmax, and neither padding nor the batch changes them.
 */
class GreedyDecoderTest {
    private static final int MAX_OUTPUT = 6;
    private static Network network;
    private static List<int[]> sources;

    @BeforeAll
    static void randomGraph() {
        ComputationGraph graph = Seq2SeqSpec.builder().sourceVocabularySize(ReversalTask.VOCABULARY)
                .targetVocabularySize(ReversalTask.VOCABULARY).embeddingSize(4).hiddenSize(6).seed(11).build()
                .buildGraph();
        Nd4j.getRandom().setSeed(12);
        graph.params().assign(Nd4j.randn(graph.params().dataType(), graph.params().shape()).muli(1.5));
        network = Network.of(graph);
        sources = ReversalTask.sources(new Random(13), 8, 1, 6);
    }

    @Test
    void eachTokenIsTheGraphsArgmaxGivenTheTokensBefore() {
        INDArray[] padded = ReversalTask.padded(sources, 6);
        List<int[]> decoded = new GreedyDecoder(network, MAX_OUTPUT).decode(padded[0], padded[1]);
        assertEquals(sources.size(), decoded.size());
        int longest = 0;
        for (int row = 0; row < sources.size(); row++) {
            int[] tokens = decoded.get(row);
            longest = Math.max(longest, tokens.length);
            assertTrue(tokens.length <= MAX_OUTPUT);
            // Teacher-force begin + tokens: the prediction at step k is tokens[k], then end if it stopped early.
            INDArray target = Nd4j.zeros(padded[0].dataType(), 1, 1, tokens.length + 1);
            target.putScalar(new long[] {0, 0, 0}, ReservedIds.BEGIN);
            for (int k = 0; k < tokens.length; k++) {
                assertTrue(tokens[k] != ReservedIds.END, "end is never part of the output");
                target.putScalar(new long[] {0, 0, k + 1}, tokens[k]);
            }
            INDArray[] one = ReversalTask.padded(List.of(sources.get(row)), sources.get(row).length);
            INDArray argmax = Nd4j.argMax(network.output(new INDArray[] {one[0], target}, null), 1);
            for (int k = 0; k < tokens.length; k++) {
                assertEquals(tokens[k], argmax.getInt(0, k), "row " + row + " step " + k);
            }
            if (tokens.length < MAX_OUTPUT) {
                assertEquals(ReservedIds.END, argmax.getInt(0, tokens.length), "row " + row + " stopped early");
            }
        }
        assertTrue(longest >= 2, "the random graph should produce some longer outputs, longest " + longest);
    }

    @Test
    void morePaddingAndSmallerBatchesChangeNothing() {
        INDArray[] tight = ReversalTask.padded(sources, 6);
        INDArray[] loose = ReversalTask.padded(sources, 11);
        GreedyDecoder decoder = new GreedyDecoder(network, MAX_OUTPUT);
        List<int[]> expected = decoder.decode(tight[0], tight[1]);
        List<int[]> padded = decoder.decode(loose[0], loose[1]);
        for (int row = 0; row < sources.size(); row++) {
            assertArrayEquals(expected.get(row), padded.get(row), "row " + row + " with more padding");
            INDArray[] alone = ReversalTask.padded(List.of(sources.get(row)), sources.get(row).length);
            assertArrayEquals(expected.get(row), decoder.decode(alone[0], null).get(0), "row " + row + " alone");
        }
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new GreedyDecoder(network, 0));
        assertTrue(length.getMessage().contains("maxOutputLength is 0"), length.getMessage());
        GreedyDecoder decoder = new GreedyDecoder(network, 3);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(Nd4j.zeros(2, 5), null));
        assertTrue(shape.getMessage().contains("source ids must be [batch, 1, T]"), shape.getMessage());
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(Nd4j.zeros(2, 1, 5), Nd4j.ones(2, 4)));
        assertTrue(mask.getMessage().contains("source mask must be [batch, T] = [2, 5]"), mask.getMessage());
    }
}
