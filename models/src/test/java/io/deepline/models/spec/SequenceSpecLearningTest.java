package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Networks built from a {@link SequenceSpec} learn small tasks over padded batches of variable-length sequences:
 * the sign of a real-valued sequence's sum (last-step pooling), and whether a token occurs (embedding, max pooling).
 */
class SequenceSpecLearningTest {
    private static int threadsBefore;
    private static final int STEPS = 8;
    private static final int MIN_LENGTH = 3;
    private static final int TOKENS = 5;
    private static final int ITERATIONS = 30;
    private static final int BATCH = 128; // each step costs about the same for 32 or 128 sequences

    /**
     * These networks are tiny, so ND4J's OpenMP threads only wait on each other, badly so on a busy machine
     * (measured: 46 s with the default threads against 10 s with OMP_NUM_THREADS=1 at load 7 on 2 cores).
     */
    @BeforeAll
    static void oneThread() {
        threadsBefore = Nd4j.getEnvironment().maxThreads();
        Nd4j.getEnvironment().setMaxThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        Nd4j.getEnvironment().setMaxThreads(threadsBefore);
    }

    @ParameterizedTest
    @EnumSource(value = RecurrentCell.class, names = {"LSTM", "GRU"})
    void learnsTheSignOfASum(RecurrentCell cell) {
        MultiLayerNetwork net = SequenceSpec.builder().cell(cell).hiddenSize(8).learningRate(0.05).seed(1).build()
                .buildNetwork(1, OutputHead.categorical(2));
        Random random = new Random(2);
        for (int i = 0; i < ITERATIONS; i++) {
            net.fit(batch(random, BATCH, false));
        }
        double accuracy = accuracy(net, batch(new Random(3), 500, false));
        assertTrue(accuracy > 0.9, cell + " accuracy " + accuracy + " (chance is about 0.5)");
    }

    /**
     * Whether token 0 occurs among the real steps, through an embedding and max pooling. The junk padding holds
     * token 0 as often as real steps do, so the network can only do well if the pooling skips masked steps.
     */
    @Test
    void detectsATokenThroughAnEmbeddingAndMaxPooling() {
        MultiLayerNetwork net = SequenceSpec.builder().cell(RecurrentCell.GRU).hiddenSize(8)
                .input(StepInput.TOKENS).vocabularySize(TOKENS).embeddingSize(4)
                .pooling(SequencePooling.MAX).learningRate(0.05).seed(4).build()
                .buildNetwork(1, OutputHead.categorical(2));
        Random random = new Random(5);
        for (int i = 0; i < ITERATIONS; i++) {
            net.fit(batch(random, BATCH, true));
        }
        double accuracy = accuracy(net, batch(new Random(6), 500, true));
        assertTrue(accuracy > 0.9, "GRU accuracy " + accuracy + " (about 0.6 by always answering 'present')");
    }

    /**
     * Sequences of MIN_LENGTH..STEPS steps padded to STEPS with junk under a zero mask; labels one-hot. Real: one
     * Gaussian feature per step, label sum &gt; 0. Tokens: ids in [0, TOKENS), label whether id 0 occurs.
     */
    private static DataSet batch(Random random, int size, boolean tokens) {
        INDArray features = Nd4j.create(DataType.FLOAT, size, 1, STEPS);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, size, STEPS);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, 2);
        for (int i = 0; i < size; i++) {
            int length = MIN_LENGTH + random.nextInt(STEPS - MIN_LENGTH + 1);
            double sum = 0;
            boolean zeroSeen = false;
            for (int t = 0; t < STEPS; t++) {
                double value = tokens ? random.nextInt(TOKENS) : random.nextGaussian();
                features.putScalar(i, 0, t, value);
                if (t < length) {
                    mask.putScalar(i, t, 1);
                    sum += value;
                    zeroSeen |= value == 0;
                }
            }
            int label = (tokens ? zeroSeen : sum > 0) ? 1 : 0;
            labels.putScalar(i, label, 1);
        }
        return new DataSet(features, labels, mask, null);
    }

    private static double accuracy(MultiLayerNetwork net, DataSet test) {
        INDArray predicted = net.output(test.getFeatures(), false, test.getFeaturesMaskArray(), null).argMax(1);
        INDArray actual = test.getLabels().argMax(1);
        return predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }
}
