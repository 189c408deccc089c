package io.deepline.pipelines.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The aggregation of params and optimizer state, tested directly on real Adam states. */
class RoundSumTest {

    /** The Adam state of a small network after {@code steps} steps on seeded random data. */
    private static MultiLayerNetwork adamWorker(int seed, int steps) {
        MultiLayerNetwork net = MlpSpec.builder().hiddenLayers(new int[] {6}).activation(HiddenActivation.RELU).dropout(0).l2(0).updater(UpdaterKind.ADAM).learningRate(0.01).seed(1).build()
                .buildNetwork(3, 2);
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType(), 10, 3);
        INDArray y = Nd4j.zeros(DataType(), 10, 2);
        for (int i = 0; i < 10; i++) {
            y.putScalar(i, (i + seed) % 2, 1.0);
        }
        for (int i = 0; i < steps; i++) {
            net.fit(new DataSet(x, y));
        }
        return net;
    }

    private static org.nd4j.linalg.api.buffer.DataType DataType() {
        return org.nd4j.linalg.api.buffer.DataType.FLOAT;
    }

    private static RoundSum contribution(MultiLayerNetwork net, int batches) {
        return RoundSum.of(NetworkSnapshot.paramsOf(net), NetworkSnapshot.updaterStateOf(net), 0.5 * batches, batches,
                10L * batches);
    }

    @Test
    void adamStateIsTheMeanOverTheWorkersThatTrained() {
        List<MultiLayerNetwork> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(adamWorker(w + 1, w + 1));
        }
        RoundSum sum = RoundSum.empty();
        for (int w = 0; w < 3; w++) {
            sum = sum.merge(RoundSum.empty()).merge(contribution(workers.get(w), w + 1));
        }
        float[][] states = new float[3][];
        for (int w = 0; w < 3; w++) {
            states[w] = NetworkSnapshot.updaterStateOf(workers.get(w));
        }
        float[] mean = sum.averageUpdaterState();
        assertEquals(2 * NetworkSnapshot.paramsOf(workers.get(0)).length, mean.length, "Adam keeps m and v");
        for (int i = 0; i < mean.length; i++) {
            double expected = ((double) states[0][i] + states[1][i] + states[2][i]) / 3;
            assertEquals(expected, mean[i], Math.ulp((float) expected), "state " + i);
        }
        assertEquals(3, sum.workers());
        assertEquals(6, sum.batches());
        assertEquals(3, sum.maxBatchesPerWorker());
        assertEquals(3.0, sum.lossSum(), 1e-12);
    }

    @Test
    void oneWorkerPassesThroughBitExactly() {
        MultiLayerNetwork worker = adamWorker(7, 4);
        RoundSum sum = RoundSum.empty().merge(contribution(worker, 4)).merge(RoundSum.empty());
        assertArrayEquals(bits(NetworkSnapshot.updaterStateOf(worker)), bits(sum.averageUpdaterState()));
        assertArrayEquals(bits(NetworkSnapshot.paramsOf(worker)), bits(sum.averageParams()));
    }

    @Test
    void nothingToAverageIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RoundSum.empty().averageParams());
        assertEquals(true, e.getMessage().contains("no worker trained"));
    }

    @Test
    void mismatchedSizesAreRejected() {
        RoundSum a = RoundSum.of(new float[2], new float[0], 0, 1, 1);
        RoundSum b = RoundSum.of(new float[3], new float[0], 0, 1, 1);
        assertThrows(IllegalStateException.class, () -> a.merge(b));
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
