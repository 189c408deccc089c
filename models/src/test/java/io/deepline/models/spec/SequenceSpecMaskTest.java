package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padding never changes a many-to-one prediction: a sequence alone, and the same sequence in a batch padded with
 * junk steps under a feature mask [batch, T] (0 = padding), predict the same, for every cell, pooling and
 * direction (bidirectional: rnn and gru).
 */
class SequenceSpecMaskTest {
    private static final int FEATURES = 3;
    private static final int VOCABULARY = 7;
    private static final int[] LENGTHS = {5, 2, 4};
    private static final int PADDED = 8;

    static List<Arguments> cellsPoolingsDirections() {
        List<Arguments> all = new ArrayList<>();
        for (RecurrentCell cell : RecurrentCell.values()) {
            for (SequencePooling pooling : SequencePooling.values()) {
                all.add(Arguments.of(cell, pooling, false));
                if (cell != RecurrentCell.LSTM) { // refused, see Dl4jLstmMaskTest
                    all.add(Arguments.of(cell, pooling, true));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} bidirectional={2}")
    @MethodSource("cellsPoolingsDirections")
    void paddedRealSequencesPredictAsUnpadded(RecurrentCell cell, SequencePooling pooling, boolean bidirectional) {
        SequenceSpec spec = SequenceSpec.builder().cell(cell).hiddenSize(5).numLayers(2).bidirectional(bidirectional)
                .pooling(pooling).seed(3).build();
        Random random = new Random(11);
        INDArray padded = Nd4j.create(DataType.FLOAT, LENGTHS.length, FEATURES, PADDED);
        for (int i = 0; i < LENGTHS.length; i++) { // junk everywhere, including the padding
            for (int f = 0; f < FEATURES; f++) {
                for (int t = 0; t < PADDED; t++) {
                    padded.putScalar(i, f, t, 3 * random.nextGaussian());
                }
            }
        }
        assertPaddingChangesNothing(spec.buildNetwork(FEATURES, OutputHead.categorical(3)), padded);
    }

    @ParameterizedTest(name = "{0} {1} bidirectional={2}")
    @MethodSource("cellsPoolingsDirections")
    void paddedTokenSequencesPredictAsUnpadded(RecurrentCell cell, SequencePooling pooling, boolean bidirectional) {
        SequenceSpec spec = SequenceSpec.builder().cell(cell).hiddenSize(4).bidirectional(bidirectional)
                .input(StepInput.TOKENS).vocabularySize(VOCABULARY).embeddingSize(3).pooling(pooling).seed(5)
                .build();
        Random random = new Random(13);
        INDArray padded = Nd4j.create(DataType.FLOAT, LENGTHS.length, 1, PADDED);
        for (int i = 0; i < LENGTHS.length; i++) {
            for (int t = 0; t < PADDED; t++) {
                padded.putScalar(i, 0, t, random.nextInt(VOCABULARY));
            }
        }
        assertPaddingChangesNothing(spec.buildNetwork(1, OutputHead.gaussian(2)), padded);
    }

    private static void assertPaddingChangesNothing(MultiLayerNetwork net, INDArray padded) {
        INDArray mask = Nd4j.zeros(DataType.FLOAT, LENGTHS.length, PADDED);
        for (int i = 0; i < LENGTHS.length; i++) {
            for (int t = 0; t < LENGTHS[i]; t++) {
                mask.putScalar(i, t, 1);
            }
        }
        INDArray batched = net.output(padded, false, mask, null);
        for (int i = 0; i < LENGTHS.length; i++) {
            INDArray alone = padded.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, LENGTHS[i])).dup();
            float[] expected = net.output(alone, false).toFloatVector();
            float[] actual = batched.getRow(i).toFloatVector();
            assertEquals(expected.length, actual.length);
            assertArrayEquals(expected, actual, 1e-5f, "sequence " + i + " of length " + LENGTHS[i]);
        }
    }
}
