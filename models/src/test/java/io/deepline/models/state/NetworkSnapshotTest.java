package io.deepline.models.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class NetworkSnapshotTest {

    private static MultiLayerNetwork trainedAdamNetwork() {
        MultiLayerNetwork net = MlpSpec.builder().hiddenLayers(new int[] {6}).activation(HiddenActivation.TANH).dropout(0).l2(0).updater(UpdaterKind.ADAM).learningRate(0.01).seed(3).build()
                .buildNetwork(3, 2);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(8, 3);
        INDArray y = Nd4j.zeros(8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1.0);
        }
        for (int i = 0; i < 3; i++) {
            net.fit(new DataSet(x, y));
        }
        return net;
    }

    @Test
    void capturesParamsOptimizerStateAndCounters() throws Exception {
        MultiLayerNetwork net = trainedAdamNetwork();
        NetworkSnapshot snap = roundTripThroughJavaSerialization(NetworkSnapshot.of(net));
        MultiLayerNetwork copy = snap.toNetwork();

        assertEquals(net.params(), copy.params());
        assertEquals(net.getUpdater().getStateViewArray(), copy.getUpdater().getStateViewArray());
        assertEquals(3, copy.getIterationCount());
        assertTrue(snap.updaterState().length == 2 * snap.params().length, "Adam keeps two moments per param");

        // Continuing training from the copy is the same as continuing from the original.
        INDArray x = Nd4j.linspace(0, 1, 6).reshape(2, 3).castTo(net.params().dataType());
        INDArray y = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {2, 2});
        net.fit(new DataSet(x, y));
        copy.fit(new DataSet(x, y));
        assertEquals(net.params(), copy.params());
    }

    @Test
    void sgdHasEmptyOptimizerState() {
        MultiLayerNetwork net = MlpSpec.builder().hiddenLayers(new int[] {2}).activation(HiddenActivation.RELU).dropout(0).l2(0).updater(UpdaterKind.SGD).learningRate(0.1).seed(1).build()
                .buildNetwork(2, 2);
        assertArrayEquals(new float[0], NetworkSnapshot.of(net).updaterState());
    }

    @Test
    void refusesToApplyToAnotherArchitecture() {
        NetworkSnapshot snap = NetworkSnapshot.of(trainedAdamNetwork());
        MultiLayerNetwork other = MlpSpec.builder().hiddenLayers(new int[] {7}).activation(HiddenActivation.TANH).dropout(0).l2(0).updater(UpdaterKind.ADAM).learningRate(0.01).seed(3).build()
                .buildNetwork(3, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> snap.applyTo(other));
        assertTrue(e.getMessage().contains("another configuration"));
    }

    private static NetworkSnapshot roundTripThroughJavaSerialization(NetworkSnapshot s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (NetworkSnapshot) in.readObject();
        }
    }
}
