package io.deepline.models.seq2seq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.layers.DecoderContext;
import io.deepline.models.spec.Seq2SeqSpec;
import io.deepline.models.state.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Attention against the fixed-context bottleneck (course §8) on reversing digit strings of 3–8 digits, with the
 * same parameters, data and budget: held-out exact-match accuracy of greedy decoding.
 */
class Seq2SeqLearningTest {
    private static final int HIDDEN = Integer.getInteger("s2s.hidden", 32);
    private static final int EMBEDDING = Integer.getInteger("s2s.embedding", 16);
    private static final int BATCH = Integer.getInteger("s2s.batch", 32);
    private static final int ITERATIONS = Integer.getInteger("s2s.iterations", 600);
    private static final double LEARNING_RATE = Double.parseDouble(System.getProperty("s2s.lr", "0.01"));
    private static final String CELL = System.getProperty("s2s.cell", "gru");
    private static final int MIN_LENGTH = Integer.getInteger("s2s.min", 3);
    private static final int MAX_LENGTH = Integer.getInteger("s2s.max", 8);
    private static final int HELD_OUT = 200;

    @Test
    void attentionLearnsToReverseWhereTheFixedContextDoesNot() {
        double attention = heldOutExactMatch(DecoderContext.ATTENTION);
        double last = heldOutExactMatch(DecoderContext.LAST);
        System.out.printf("exact match: attention %.3f, last %.3f%n", attention, last);
        assertTrue(attention >= 0.90, "attention exact match " + attention);
        assertTrue(attention >= last + 0.3, "attention " + attention + " vs last " + last);
    }

    private static double heldOutExactMatch(DecoderContext context) {
        long start = System.nanoTime();
        Network network = Network.of(Seq2SeqSpec.builder().sourceVocabularySize(ReversalTask.VOCABULARY)
                .targetVocabularySize(ReversalTask.VOCABULARY).embeddingSize(EMBEDDING).hiddenSize(HIDDEN)
                .encoderCell(CELL).context(context).learningRate(LEARNING_RATE).seed(7).build().buildGraph());
        Random training = new Random(1);
        for (int i = 0; i < ITERATIONS; i++) {
            network.fit(ReversalTask.batch(ReversalTask.sources(training, BATCH, MIN_LENGTH, MAX_LENGTH)));
            if (i % 25 == 0) {
                System.out.printf("%s iteration %d loss %.4f (%.1f s)%n", context, i, network.score(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        List<int[]> heldOut = ReversalTask.sources(new Random(2), HELD_OUT, MIN_LENGTH, MAX_LENGTH);
        INDArray[] padded = ReversalTask.padded(heldOut, MAX_LENGTH);
        List<int[]> decoded = new GreedyDecoder(network, MAX_LENGTH + 1).decode(padded[0], padded[1]);
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            correct += Arrays.equals(decoded.get(i), ReversalTask.reversed(heldOut.get(i))) ? 1 : 0;
        }
        System.out.printf("%s: %.1f s%n", context, (System.nanoTime() - start) / 1e9);
        return correct / (double) heldOut.size();
    }
}
