package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** {@link Gru}'s configuration: initialisation from the layer conf, validation, JSON and model files. */
class GruConfigurationTest {
    private static final int N_IN = 3;
    private static final int UNITS = 4;

    @Test
    void weightInitRecurrentInitAndBiasInitComeFromTheConfiguration() {
        MultiLayerNetwork net = network(new Gru.Builder().nOut(UNITS).weightInit(new ConstantDistribution(0.5))
                .weightInitRecurrent(new ConstantDistribution(-0.25)).biasInit(0.125).build());
        assertEquals(0.5, net.getParam("0_W").minNumber().doubleValue(), 0.0);
        assertEquals(0.5, net.getParam("0_W").maxNumber().doubleValue(), 0.0);
        assertEquals(-0.25, net.getParam("0_RW").minNumber().doubleValue(), 0.0);
        assertEquals(-0.25, net.getParam("0_RW").maxNumber().doubleValue(), 0.0);
        assertEquals(0.125, net.getParam("0_b").minNumber().doubleValue(), 0.0);
        assertEquals(0.125, net.getParam("0_b").maxNumber().doubleValue(), 0.0);

        MultiLayerNetwork sameInit = network(new Gru.Builder().nOut(UNITS)
                .weightInit(new ConstantDistribution(0.5)).build());
        assertEquals(0.5, sameInit.getParam("0_RW").minNumber().doubleValue(), 0.0,
                "without weightInitRecurrent the recurrent weights use weightInit");
    }

    @Test
    void jsonRoundTripKeepsTheConfigurationAndTheOutput() {
        MultiLayerConfiguration conf = configuration(new Gru.Builder().nOut(UNITS).dropOut(0.8).l2(1e-3).build());
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        Gru read = (Gru) back.getConf(0).getLayer();
        assertEquals(N_IN, read.getNIn());
        assertEquals(UNITS, read.getNOut());
        assertEquals(new Dropout(0.8), read.getIDropout());
        assertNotEquals(conf, configuration(new Gru.Builder().nOut(UNITS + 1).dropOut(0.8).l2(1e-3).build()));
        SimpleRnn sameFields = new SimpleRnn.Builder().nIn(N_IN).nOut(UNITS).build();
        assertNotEquals(sameFields, new Gru.Builder().nIn(N_IN).nOut(UNITS).build());

        MultiLayerNetwork original = new MultiLayerNetwork(conf);
        original.init();
        MultiLayerNetwork restored = new MultiLayerNetwork(back);
        restored.init(original.params().dup(), false);
        INDArray x = input(3, 5, 1);
        assertEquals(original.output(x), restored.output(x));
    }

    @Test
    void modelSerializerSaveAndLoadGiveIdenticalOutputAndUpdaterState(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(new Gru.Builder().nOut(UNITS).build()));
        net.init();
        INDArray x = input(4, 5, 2);
        net.fit(new DataSet(x, Nd4j.randn(DataType.DOUBLE, 4, 2, 5)));
        File file = dir.resolve("gru.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(net.getLayerWiseConfigurations(), loaded.getLayerWiseConfigurations());
        assertEquals(net.params(), loaded.params());
        assertEquals(net.getUpdater().getStateViewArray(), loaded.getUpdater().getStateViewArray());
        assertEquals(net.output(x), loaded.output(x));
    }

    @Test
    void rejectsInvalidSettingsNamingThem() {
        assertMessage(IllegalArgumentException.class, "nOut is 0", () -> new Gru.Builder().nOut(0));
        assertMessage(IllegalArgumentException.class, "nIn is -2", () -> new Gru.Builder().nIn(-2));
        assertMessage(IllegalArgumentException.class, "activation",
                () -> new Gru.Builder().nOut(2).activation(Activation.RELU).build());
        assertMessage(IllegalArgumentException.class, "NCW",
                () -> new Gru.Builder().nOut(2).dataFormat(RNNFormat.NWC).build());
        assertMessage(IllegalStateException.class, "nOut is 0",
                () -> network(new Gru.Builder().build()));
        assertMessage(IllegalStateException.class, "NCW", () -> {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                    .layer(new Gru.Builder().nOut(UNITS).build())
                    .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(2).build())
                    .setInputType(InputType.recurrent(N_IN, RNNFormat.NWC)).build());
            net.init();
            return net;
        });
        Gru defaultActivation = new Gru.Builder().nOut(2).activation(Activation.TANH).build();
        assertEquals("tanh", defaultActivation.getActivationFn().toString());
    }

    @Test
    void badInputsAreRejectedWithTheExpectedShape() {
        MultiLayerNetwork net = network(new Gru.Builder().nOut(UNITS).build());
        assertMessage(IllegalStateException.class, "[batch, 3, T]", () -> net.output(input(2, 4, 3).get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup()));
        GruLayer layer = (GruLayer) net.getLayer(0);
        layer.setInput(input(2, 4, 3), org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        layer.setMaskArray(Nd4j.ones(DataType.DOUBLE, 2, 5));
        assertMessage(IllegalStateException.class, "feature mask [batch, T] = [2, 4]",
                () -> layer.activate(false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()));
    }

    @Test
    void truncatedBpttIsRefusedWithTheFix() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(new Gru.Builder().nOut(UNITS).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(N_IN))
                .backpropType(BackpropType.TruncatedBPTT).tBPTTLength(2)
                .build());
        net.init();
        DataSet batch = new DataSet(input(2, 4, 4), Nd4j.randn(DataType.DOUBLE, 2, 2, 4));
        assertMessage(IllegalStateException.class, "BackpropType.Standard", () -> {
            net.fit(batch);
            return null;
        });
    }

    private static MultiLayerConfiguration configuration(Gru gru) {
        return new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE).updater(new Adam(1e-2)).list()
                .layer(gru)
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(N_IN))
                .build();
    }

    private static MultiLayerNetwork network(Gru gru) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(gru));
        net.init();
        return net;
    }

    private static INDArray input(int batch, int steps, long seed) {
        return CourseGru.ncw(CourseGru.randomSequences(new Random(seed), batch, steps, N_IN), DataType.DOUBLE);
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String expectedPart, Supplier<?> call) {
        RuntimeException e = assertThrows(type, call::get);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks " + expectedPart);
    }
}
