package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.seq2seq.ReversalTask;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a Transformer must not depend on: padding (encoder and decoder), future target tokens (the decoder is
 * causal), and, without positional encodings, the order of the steps (self-attention is permutation-equivariant,
 * course §8.3.1); with the encodings the order matters. Random double-precision weights, no training.
 */
class TransformerInvarianceTest {
    private static final double TOLERANCE = 1e-9;
    /** Lengths 3, 5 and 2: the rows are padded differently, so a mask applied to the wrong rows shows. */
    private static final double[][] RAGGED_5 = {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}, {1, 1, 0, 0, 0}};

    @ParameterizedTest
    @CsvSource({"false, MEAN", "true, MEAN", "false, CLS", "true, CLS"})
    void encoderPredictionIgnoresPadding(boolean preNorm, TransformerPooling pooling) {
        Random random = new Random(1);
        ComputationGraph graph = classifier(StepInput.TOKENS, preNorm, pooling, true, random);
        // three sequences of different lengths, padded with other ids, each also scored alone
        INDArray padded = TransformerGraphs.ids(random, 3, 5, TransformerGraphs.VOCABULARY, DataType.DOUBLE);
        INDArray mask = Nd4j.create(RAGGED_5);
        INDArray batched = graph.output(false, new INDArray[] {padded}, new INDArray[] {mask})[0];
        for (int n = 0; n < 3; n++) {
            INDArray alone = graph.output(false, new INDArray[] {realSteps(padded, mask, n)}, null)[0];
            assertTrue(alone.getRow(0).equalsWithEps(batched.getRow(n), TOLERANCE),
                    "row " + n + ": " + alone + " vs " + batched.getRow(n));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void decoderOutputsIgnorePaddingOnBothSides(boolean preNorm) {
        Random random = new Random(2);
        ComputationGraph graph = TransformerGraphs.randomDouble(TransformerGraphs.seq2seq(preNorm).buildGraph(),
                random);
        int vocabulary = ReversalTask.VOCABULARY;
        INDArray source = TransformerGraphs.ids(random, 3, 5, vocabulary, DataType.DOUBLE);
        INDArray target = TransformerGraphs.ids(random, 3, 4, vocabulary, DataType.DOUBLE);
        INDArray sourceMask = Nd4j.create(RAGGED_5);
        INDArray targetMask = Nd4j.create(new double[][] {{1, 1, 0, 0}, {1, 1, 1, 1}, {1, 1, 1, 0}});
        INDArray batched = graph.output(false, new INDArray[] {source, target},
                new INDArray[] {sourceMask, targetMask})[0];
        for (int n = 0; n < 3; n++) {
            INDArray alone = graph.output(false, new INDArray[] {realSteps(source, sourceMask, n),
                    realSteps(target, targetMask, n)}, null)[0];
            INDArray inBatch = batched.get(NDArrayIndex.interval(n, n + 1), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, alone.size(2)));
            assertTrue(alone.equalsWithEps(inBatch, TOLERANCE), "row " + n + ": " + alone + " vs " + inBatch);
        }
    }

    /** Row n of [b, 1, T] cut to its real steps, [1, 1, length]. */
    private static INDArray realSteps(INDArray ids, INDArray mask, int n) {
        int length = mask.getRow(n).sumNumber().intValue();
        return ids.get(NDArrayIndex.interval(n, n + 1), NDArrayIndex.all(), NDArrayIndex.interval(0, length)).dup();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFutureTargetTokenNeverChangesAnEarlierOutput(boolean preNorm) {
        Random random = new Random(3);
        ComputationGraph graph = TransformerGraphs.randomDouble(TransformerGraphs.seq2seq(preNorm).buildGraph(),
                random);
        INDArray source = TransformerGraphs.ids(random, 1, 4, ReversalTask.VOCABULARY, DataType.DOUBLE);
        INDArray target = TransformerGraphs.ids(random, 1, 5, ReversalTask.VOCABULARY, DataType.DOUBLE);
        INDArray before = graph.output(false, new INDArray[] {source, target}, null)[0];
        INDArray changed = target.dup();
        changed.putScalar(new long[] {0, 0, 3}, target.getDouble(0, 0, 3) == 5 ? 6 : 5);
        INDArray after = graph.output(false, new INDArray[] {source, changed}, null)[0];
        for (int t = 0; t < 5; t++) {
            INDArray b = before.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
            INDArray a = after.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
            if (t < 3) {
                assertTrue(b.equalsWithEps(a, TOLERANCE), "step " + t + " changed with the token at step 3");
            } else {
                assertFalse(b.equalsWithEps(a, 1e-6), "step " + t + " must see the token at step 3");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutPositionalEncodingsTheEncoderIsPermutationEquivariant(boolean preNorm) {
        Random random = new Random(4);
        ComputationGraph graph = classifier(StepInput.REAL, preNorm, TransformerPooling.MEAN, false, random);
        INDArray x = TransformerGraphs.gaussian(random, DataType.DOUBLE, 1, 3, 5);
        int[] permutation = {3, 0, 4, 1, 2};
        INDArray out = encoderOutput(graph, x);
        INDArray permutedOut = encoderOutput(graph, permuteSteps(x, permutation));
        assertTrue(permuteSteps(out, permutation).equalsWithEps(permutedOut, TOLERANCE),
                "f(Px) must equal P f(x) without positional encodings");
        // and mean pooling makes the prediction permutation-invariant
        assertTrue(graph.outputSingle(x).equalsWithEps(graph.outputSingle(permuteSteps(x, permutation)), TOLERANCE));
    }

    @Test
    void withPositionalEncodingsTheOrderMatters() {
        Random random = new Random(5);
        ComputationGraph graph = classifier(StepInput.REAL, false, TransformerPooling.MEAN, true, random);
        INDArray x = TransformerGraphs.gaussian(random, DataType.DOUBLE, 1, 3, 5);
        int[] permutation = {3, 0, 4, 1, 2};
        INDArray permutedOut = encoderOutput(graph, permuteSteps(x, permutation));
        assertFalse(permuteSteps(encoderOutput(graph, x), permutation).equalsWithEps(permutedOut, 1e-3));
        assertFalse(graph.outputSingle(x).equalsWithEps(graph.outputSingle(permuteSteps(x, permutation)), 1e-6));
    }

    @Test
    void positionalEncodingIsAddedToTheEmbeddings() {
        Random random = new Random(6);
        ComputationGraph graph = classifier(StepInput.TOKENS, false, TransformerPooling.MEAN, true, random);
        INDArray ids = TransformerGraphs.ids(random, 1, 4, TransformerGraphs.VOCABULARY, DataType.DOUBLE);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {ids}, false);
        INDArray difference = activations.get("embeddingPosition").sub(activations.get("embedding"));
        for (int t = 0; t < 4; t++) {
            for (int d = 0; d < 4; d++) {
                assertEquals(io.deepline.models.layers.PositionalEncoding.value(t, d, 4), difference.getDouble(0, d, t),
                        1e-12, "X̃ − X at (t, d) = (" + t + ", " + d + ")");
            }
        }
    }

    private static ComputationGraph classifier(StepInput input, boolean preNorm, TransformerPooling pooling,
                                               boolean positional, Random random) {
        TransformerSpec spec = TransformerGraphs.classifier(input, preNorm, pooling, positional);
        return TransformerGraphs.randomDouble(spec.buildGraph(input == StepInput.TOKENS ? 1 : 3,
                OutputHead.categorical(TransformerGraphs.CLASSES)), random);
    }

    /** The last encoder vertex's activations [1, D, T]. */
    private static INDArray encoderOutput(ComputationGraph graph, INDArray x) {
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {x}, false);
        return activations.get(graph.getConfiguration().getVertexInputs().get("pooling").get(0));
    }

    /** y[:, :, i] = x[:, :, permutation[i]]. */
    private static INDArray permuteSteps(INDArray x, int[] permutation) {
        INDArray out = x.dup();
        for (int i = 0; i < permutation.length; i++) {
            out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i))
                    .assign(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(permutation[i])));
        }
        return out;
    }
}
