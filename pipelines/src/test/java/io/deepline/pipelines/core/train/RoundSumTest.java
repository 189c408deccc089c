package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
        return RoundSum.of(NetworkSnapshot.paramsOf(net), NetworkSnapshot.updaterStateOf(net), 0.5 * batches, 0.5,
                batches, 10L * batches);
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
        RoundSum a = RoundSum.of(new float[2], new float[0], 0, 0, 1, 1);
        RoundSum b = RoundSum.of(new float[3], new float[0], 0, 0, 1, 1);
        assertThrows(IllegalStateException.class, () -> a.merge(b));
    }

    /**
     * A worker's result is the round's largest transfer: it travels as its floats (4 bytes per value), not as
     * doubles, and still averages as before once the driver has it.
     */
    @Test
    void aContributionTravelsAsFloats() throws Exception {
        MultiLayerNetwork a = adamWorker(3, 2);
        MultiLayerNetwork b = adamWorker(4, 3);
        int values = NetworkSnapshot.paramsOf(a).length + NetworkSnapshot.updaterStateOf(a).length;
        byte[] wire = serialize(contribution(a, 2));
        assertTrue(wire.length < 4 * values + 1024, wire.length + " bytes for " + values + " floats");

        RoundSum sum = deserialize(wire).merge(deserialize(serialize(contribution(b, 3))));
        float[] pa = NetworkSnapshot.paramsOf(a);
        float[] pb = NetworkSnapshot.paramsOf(b);
        float[] mean = sum.averageParams();
        for (int i = 0; i < mean.length; i++) {
            assertEquals((float) (((double) pa[i] + pb[i]) / 2), mean[i], "param " + i);
        }
        assertEquals(2, sum.workers());
    }

    private static byte[] serialize(RoundSum sum) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sum);
        }
        return bytes.toByteArray();
    }

    private static RoundSum deserialize(byte[] wire) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(wire))) {
            return (RoundSum) in.readObject();
        }
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
