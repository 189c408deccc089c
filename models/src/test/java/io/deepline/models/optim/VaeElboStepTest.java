package io.deepline.models.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.LearningRateSchedule;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.ReconstructionKind;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.VaeSpec;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.models.state.NetworkSnapshot;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Our ELBO step against DL4J's own pretrain path, and its optimizer state living in the network's updater. */
class VaeElboStepTest {

    private static VaeSpec spec(UpdaterKind updater, double l2) {
        return new VaeSpec(new int[] {12}, new int[] {10}, 3, HiddenActivation.TANH, ReconstructionKind.BERNOULLI, 2,
                new NetworkTraining(WeightInitScheme.AUTO, l2, updater, 0.01, 0.9, LearningRateSchedule.NONE, 7));
    }

    private static INDArray[] batches(int count, int rows, int nIn) {
        Random random = new Random(3);
        INDArray[] out = new INDArray[count];
        for (int b = 0; b < count; b++) {
            float[] x = new float[rows * nIn];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat() < 0.3 ? 1f : random.nextFloat() * 0.2f;
            }
            out[b] = Nd4j.create(x, new long[] {rows, nIn}, 'c');
        }
        return out;
    }

    @Test
    void stepsEqualDl4jPretrainLayerWithAdamAndL2AndTheStateSurvivesASnapshot() {
        INDArray[] data = batches(6, 8, 16);
        NetworkSnapshot initial = spec(UpdaterKind.ADAM, 1e-3).initialState(16);

        MultiLayerNetwork plain = initial.toNetwork();
        for (int step = 0; step < data.length; step++) {
            Nd4j.getRandom().setSeed(100 + step);
            plain.pretrainLayer(0, data[step]);
        }

        // Ours, restarting from a snapshot every two steps as an averaging round does.
        NetworkSnapshot state = initial;
        double lastLoss = Double.NaN;
        for (int step = 0; step < data.length; step += 2) {
            MultiLayerNetwork net = state.toNetwork();
            for (int s = step; s < step + 2; s++) {
                Nd4j.getRandom().setSeed(100 + s);
                lastLoss = VaeElboStep.fit(net, data[s]);
            }
            state = NetworkSnapshot.of(net);
        }
        float[] expected = NetworkSnapshot.paramsOf(plain);
        float[] actual = state.params();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "param " + i);
        }
        assertEquals(6, state.iteration());
        assertTrue(Double.isFinite(lastLoss) && lastLoss > 0, "negative ELBO of binary data is > 0: " + lastLoss);
        float[] adam = state.updaterState();
        assertEquals(2 * expected.length, adam.length, "Adam keeps two moments for every param, decoder included");
        int nonZero = 0;
        for (float v : adam) {
            nonZero += v != 0f ? 1 : 0;
        }
        assertTrue(nonZero > adam.length * 0.9, "the moments are carried in the snapshot: " + nonZero);
    }

    @Test
    void resettingTheAdamStateBetweenRoundsWouldGiveOtherParams() {
        // The property above can fail: dropping the state (as layer.fit's private Solver does per network) differs.
        INDArray[] data = batches(4, 8, 16);
        NetworkSnapshot initial = spec(UpdaterKind.ADAM, 0).initialState(16);
        MultiLayerNetwork carried = initial.toNetwork();
        for (int s = 0; s < 4; s++) {
            Nd4j.getRandom().setSeed(s);
            VaeElboStep.fit(carried, data[s]);
        }
        NetworkSnapshot state = initial;
        for (int s = 0; s < 4; s++) {
            MultiLayerNetwork net = state.toNetwork();
            Nd4j.getRandom().setSeed(s);
            VaeElboStep.fit(net, data[s]);
            NetworkSnapshot after = NetworkSnapshot.of(net);
            state = after.withState(after.params(), initial.updaterState(), after.iteration(), 0);
        }
        float[] a = NetworkSnapshot.paramsOf(carried);
        float[] b = state.params();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        assertTrue(max > 1e-4, "a reset optimizer state must change the result, max difference " + max);
    }

    @Test
    void everyParamMovesDecoderIncluded() {
        INDArray x = batches(1, 8, 16)[0];
        MultiLayerNetwork net = spec(UpdaterKind.SGD, 0).buildNetwork(16);
        INDArray before = net.params().dup();
        VaeElboStep.fit(net, x);
        INDArray moved = net.params().sub(before);
        long unchanged = moved.eq(0).castTo(DataType.INT).sumNumber().longValue();
        assertEquals(0, unchanged, "params left unchanged (e.g. the decoder skipped by MultiLayerUpdater)");
        assertEquals(1, net.getIterationCount());
    }

    @Test
    void refusesNetworksThatAreNotAVae() {
        MultiLayerNetwork mlp = MlpSpec.builder().hiddenLayers(4).build().buildNetwork(3, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VaeElboStep.fit(mlp, Nd4j.zeros(DataType.FLOAT, 2, 3)));
        assertTrue(e.getMessage().contains("VariationalAutoencoder"), e.getMessage());
    }

    @Test
    void specRejectsBadValuesNamingThem() {
        NetworkTraining t = NetworkTraining.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaeSpec(new int[0], new int[] {4}, 2,
                HiddenActivation.RELU, ReconstructionKind.GAUSSIAN, 1, t)).getMessage().contains("encoderLayers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaeSpec(new int[] {4}, new int[] {0}, 2,
                HiddenActivation.RELU, ReconstructionKind.GAUSSIAN, 1, t)).getMessage().contains("decoderLayers[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaeSpec(new int[] {4}, new int[] {4}, 0,
                HiddenActivation.RELU, ReconstructionKind.GAUSSIAN, 1, t)).getMessage().contains("latentSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VaeSpec(new int[] {4}, new int[] {4}, 2,
                HiddenActivation.RELU, ReconstructionKind.GAUSSIAN, 0, t)).getMessage().contains("numSamples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReconstructionKind.parse("poisson"))
                .getMessage().contains("bernoulli, gaussian"));
        VaeSpec a = new VaeSpec(new int[] {4}, new int[] {5}, 2, HiddenActivation.RELU, ReconstructionKind.GAUSSIAN,
                1, t);
        VaeSpec b = new VaeSpec(new int[] {4}, new int[] {5}, 2, HiddenActivation.RELU, ReconstructionKind.GAUSSIAN,
                1, t);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertArrayEquals(NetworkSnapshot.paramsOf(a.buildNetwork(6)), NetworkSnapshot.paramsOf(b.buildNetwork(6)));
    }
}
