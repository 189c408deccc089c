package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** {@link Gru}'s forward pass: the course equations, the sign of z, masking and the stored state. */
class GruTest {
    private static final int N_IN = 3;
    private static final int UNITS = 4;

    @Test
    void forwardPassIsTheGruOfTheDocumentation() {
        MultiLayerNetwork net = network(1);
        Random random = new Random(2);
        double[][][] x = CourseGru.randomSequences(random, 3, 6, N_IN);
        double[][][] expected = CourseGru.of(net, "0").run(x, null, null);
        double gap = CourseGru.maxAbsDiff(expected, gruOutput(net, x, null));
        assertTrue(gap < 1e-10, "max |Δ| = " + gap);
    }

    @Test
    void maskedForwardPassIsTheReferenceWithPaddedStepsSkipped() {
        MultiLayerNetwork net = network(3);
        Random random = new Random(4);
        double[][][] x = CourseGru.randomSequences(random, 3, 5, N_IN);
        double[][] mask = {{1, 1, 1, 1, 1}, {1, 1, 0, 1, 0}, {0, 0, 1, 1, 1}};
        double[][][] expected = CourseGru.of(net, "0").run(x, mask, null);
        double[][][] got = gruOutput(net, x, mask);
        double gap = CourseGru.maxAbsDiff(expected, got);
        assertTrue(gap < 1e-10, "max |Δ| = " + gap);
        assertEquals(0.0, got[1][2][0], 0.0, "a padded step outputs 0");
        assertTrue(Math.abs(got[1][3][0]) > 1e-6, "the step after a gap is real");
    }

    /** z ≈ 1 keeps the old state (here h_0 = 0); z ≈ 0 takes the candidate — the interpolation's direction. */
    @Test
    void updateGateNearOneKeepsTheStateAndNearZeroTakesTheCandidate() {
        MultiLayerNetwork net = network(5);
        Random random = new Random(6);
        double[][][] x = CourseGru.randomSequences(random, 2, 4, N_IN);
        INDArray zBias = net.getParam("0_b").get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, UNITS));
        zBias.assign(50.0);
        double[][][] kept = gruOutput(net, x, null);
        for (double[][] example : kept) {
            for (double[] step : example) {
                for (double h : step) {
                    assertEquals(0.0, h, 1e-12);
                }
            }
        }
        zBias.assign(-50.0);
        double[][][] taken = gruOutput(net, x, null);
        double[][][] expected = CourseGru.of(net, "0").run(x, null, null);
        assertTrue(CourseGru.maxAbsDiff(expected, taken) < 1e-10);
        assertTrue(Math.abs(taken[0][0][0]) > 1e-3, "the first step is the candidate, not 0");
    }

    /** Each example alone and unpadded against the same examples padded to a longer batch with junk in the padding. */
    @Test
    void paddingChangesNothingAndTheStateCarriesOverPaddedSteps() {
        MultiLayerNetwork net = network(7);
        Random random = new Random(8);
        int[] lengths = {5, 2, 3};
        int steps = 8;
        double[][][] padded = CourseGru.randomSequences(random, lengths.length, steps, N_IN);
        for (int e = 0; e < lengths.length; e++) {
            padded[e][lengths[e]] = new double[] {1e3, -1e3, 1e3}; // padding that would show if it were read
        }
        double[][] mask = CourseGru.prefixMask(steps, lengths);
        double[][][] got = gruOutput(net, padded, mask);
        GruLayer layer = (GruLayer) net.getLayer(0);
        layer.setMaskArray(Nd4j.create(mask));
        layer.rnnTimeStep(CourseGru.ncw(padded, DataType.DOUBLE), LayerWorkspaceMgr.noWorkspaces());
        double[][] states = layer.rnnGetPreviousState().get(GruLayer.STATE_HIDDEN).toDoubleMatrix();
        layer.setMaskArray(null);
        layer.rnnClearPreviousState();
        for (int e = 0; e < lengths.length; e++) {
            double[][][] alone = {java.util.Arrays.copyOf(padded[e], lengths[e])};
            double[][][] unpadded = gruOutput(net, alone, null);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < UNITS; j++) {
                    double expected = t < lengths[e] ? unpadded[0][t][j] : 0.0;
                    assertEquals(expected, got[e][t][j], 1e-6, "example " + e + ", step " + t);
                }
            }
            assertArrayEquals(unpadded[0][lengths[e] - 1], states[e], 1e-6, "state after the padding, example " + e);
        }
    }

    @Test
    void rnnTimeStepContinuesFromTheStoredState() {
        MultiLayerNetwork net = network(9);
        INDArray x = CourseGru.ncw(CourseGru.randomSequences(new Random(10), 2, 5, N_IN), DataType.DOUBLE);
        INDArray whole = net.output(x);
        INDArray first = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 2)));
        INDArray rest = net.rnnTimeStep(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(2, 5)));
        assertTrue(whole.equalsWithEps(Nd4j.concat(2, first, rest), 1e-10));
        Map<String, INDArray> state = net.rnnGetPreviousState(0);
        assertArrayEquals(new long[] {2, UNITS}, state.get(GruLayer.STATE_HIDDEN).shape());

        INDArray otherBatch = CourseGru.ncw(CourseGru.randomSequences(new Random(11), 3, 2, N_IN), DataType.DOUBLE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.rnnTimeStep(otherBatch));
        assertTrue(e.getMessage().contains("rnnClearPreviousState"), e.getMessage());
        net.rnnClearPreviousState();
        assertEquals(3, net.rnnTimeStep(otherBatch).size(0));
    }

    @Test
    void isARecurrentLayerWithTheDocumentedParameters() {
        MultiLayerNetwork net = network(12);
        assertTrue(net.getLayer(0) instanceof RecurrentLayer);
        assertArrayEquals(new long[] {N_IN, 3 * UNITS}, net.getParam("0_W").shape());
        assertArrayEquals(new long[] {UNITS, 3 * UNITS}, net.getParam("0_RW").shape());
        assertArrayEquals(new long[] {1, 3 * UNITS}, net.getParam("0_b").shape());
        assertEquals(3L * UNITS * (N_IN + UNITS + 1), net.getLayer(0).numParams());
    }

    /** {@code dropOut(p)} drops input features while training only, as for DL4J's own recurrent layers. */
    @Test
    void inputDropoutActsInTrainingOnly() {
        MultiLayerNetwork plain = network(13);
        MultiLayerNetwork dropping = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(13)
                .dataType(DataType.DOUBLE).list()
                .layer(new Gru.Builder().nOut(UNITS).dropOut(0.5).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(N_IN))
                .build());
        dropping.init(plain.params().dup(), false);
        INDArray x = CourseGru.ncw(CourseGru.randomSequences(new Random(14), 4, 5, N_IN), DataType.DOUBLE);
        assertEquals(plain.output(x), dropping.output(x));
        INDArray trainingOut = dropping.feedForward(x, true).get(1);
        assertTrue(!trainingOut.equalsWithEps(plain.feedForward(x, false).get(1), 1e-6), "training drops inputs");
    }

    /** Gru → per-step identity output, DOUBLE, with Gaussian parameters (σ = 0.6) so that every gate matters. */
    static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(new Gru.Builder().nOut(UNITS).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(N_IN))
                .build());
        net.init();
        Random random = new Random(seed);
        INDArray params = net.params();
        for (long i = 0; i < params.length(); i++) {
            params.putScalar(i, 0.6 * random.nextGaussian());
        }
        return net;
    }

    /** The Gru layer's activations [batch][T][units] for inputs [batch][T][nIn] and a mask (null = none). */
    static double[][][] gruOutput(MultiLayerNetwork net, double[][][] x, double[][] mask) {
        INDArray features = CourseGru.ncw(x, DataType.DOUBLE);
        INDArray out = mask == null ? net.feedForward(features, false).get(1)
                : net.feedForward(features, Nd4j.create(mask), null).get(1);
        net.clearLayerMaskArrays();
        return CourseGru.fromNcw(out);
    }
}
