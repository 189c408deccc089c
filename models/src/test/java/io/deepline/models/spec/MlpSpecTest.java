package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import io.deepline.models.optim.SeedAdam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class MlpSpecTest {

    private static MlpSpec spec(int[] hidden, double dropout) {
        return MlpSpec.builder().hiddenLayers(hidden).activation(HiddenActivation.RELU).dropout(dropout).l2(1e-4).updater(UpdaterKind.ADAM).learningRate(1e-3).seed(7L).build();
    }

    @Test
    void buildsDenseLayersThenSoftmaxCrossEntropyOutput() {
        MultiLayerConfiguration conf = spec(new int[] {16, 8}, 0.0).toConfiguration(4, 3);
        assertEquals(3, conf.getConfs().size());
        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        DenseLayer second = (DenseLayer) conf.getConf(1).getLayer();
        OutputLayer out = (OutputLayer) conf.getConf(2).getLayer();
        assertEquals(4, first.getNIn());
        assertEquals(16, first.getNOut());
        assertEquals(8, second.getNOut());
        assertInstanceOf(ActivationReLU.class, first.getActivationFn());
        assertEquals(3, out.getNOut());
        assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
        assertInstanceOf(LossMCXENT.class, out.getLossFn());
        assertInstanceOf(SeedAdam.class, first.getIUpdater(), "adam is the course's Adam (§5.3)");
        assertEquals(1e-3, ((SeedAdam) first.getIUpdater()).getLearningRate(), 0.0);
    }

    @Test
    void dropoutIsConvertedToDl4jRetainProbabilityAndSkipsTheInputLayer() {
        MultiLayerConfiguration conf = spec(new int[] {16, 8}, 0.25).toConfiguration(4, 3);
        assertNull(conf.getConf(0).getLayer().getIDropout(), "input features are never dropped");
        Dropout hidden = (Dropout) conf.getConf(1).getLayer().getIDropout();
        Dropout output = (Dropout) conf.getConf(2).getLayer().getIDropout();
        assertEquals(0.75, hidden.getP(), 1e-12, "DL4J takes the probability of keeping a unit");
        assertEquals(0.75, output.getP(), 1e-12);
    }

    @Test
    void nesterovsUsesMomentum() {
        MlpSpec s = MlpSpec.builder().hiddenLayers(new int[] {4}).activation(HiddenActivation.TANH).dropout(0).l2(0).updater(UpdaterKind.NESTEROVS).learningRate(0.1).seed(1).build();
        Nesterovs n = (Nesterovs) ((DenseLayer) s.toConfiguration(2, 2).getConf(0).getLayer()).getIUpdater();
        assertEquals(0.1, n.getLearningRate(), 0.0);
        assertEquals(UpdaterKind.DEFAULT_MOMENTUM, n.getMomentum(), 0.0);
    }

    @Test
    void configurationSurvivesJsonRoundTrip() {
        MultiLayerConfiguration conf = spec(new int[] {5, 3}, 0.1).toConfiguration(6, 4);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }

    @Test
    void sameSeedGivesSameInitialWeightsAndDifferentSeedDoesNot() {
        INDArray a = spec(new int[] {8}, 0).buildNetwork(3, 2).params();
        INDArray b = spec(new int[] {8}, 0).buildNetwork(3, 2).params();
        INDArray c = MlpSpec.builder().hiddenLayers(new int[] {8}).activation(HiddenActivation.RELU).dropout(0).l2(1e-4).updater(UpdaterKind.ADAM).learningRate(1e-3).seed(8L).build()
                .buildNetwork(3, 2).params();
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test
    void builtNetworkOutputsProbabilities() {
        MultiLayerNetwork net = spec(new int[] {8}, 0).buildNetwork(3, 4);
        INDArray out = net.output(Nd4j.rand(5, 3));
        assertArrayEquals(new long[] {5, 4}, out.shape());
        INDArray rowSums = out.sum(1);
        for (int i = 0; i < 5; i++) {
            assertEquals(1.0, rowSums.getDouble(i), 1e-5);
        }
    }

    @Test
    void specIsImmutable() {
        int[] hidden = {4, 2};
        MlpSpec s = spec(hidden, 0);
        hidden[0] = 99;
        s.hiddenLayers()[1] = 99;
        assertArrayEquals(new int[] {4, 2}, s.hiddenLayers());
        assertEquals(spec(new int[] {4, 2}, 0), s);
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertMessage("hiddenLayers", () -> MlpSpec.builder().hiddenLayers((int[]) null).build());
        assertMessage("leakyReluSlope", () -> MlpSpec.builder().leakyReluSlope(1.0).build());
        assertMessage("leakyReluSlope", () -> MlpSpec.builder().leakyReluSlope(0.0).build());
        assertMessage("momentum", () -> MlpSpec.builder().momentum(1.0).build());
        assertMessage("hiddenLayers[1]", () -> spec(new int[] {3, 0}, 0));
        assertMessage("dropout", () -> spec(new int[] {3}, 1.0));
        assertMessage("dropout", () -> spec(new int[] {3}, -0.1));
        assertMessage("dropout", () -> spec(new int[] {3}, Double.NaN));
        assertMessage("l2", () -> MlpSpec.builder().hiddenLayers(new int[] {3}).activation(HiddenActivation.RELU).dropout(0).l2(-1).updater(UpdaterKind.SGD).learningRate(0.1).seed(1).build());
        assertMessage("learningRate",
                () -> MlpSpec.builder().hiddenLayers(new int[] {3}).activation(HiddenActivation.RELU).dropout(0).l2(0).updater(UpdaterKind.SGD).learningRate(0.0).seed(1).build());
        assertMessage("learningRate",
                () -> MlpSpec.builder().hiddenLayers(new int[] {3}).activation(HiddenActivation.RELU).dropout(0).l2(0).updater(UpdaterKind.SGD).learningRate(Double.POSITIVE_INFINITY).seed(1).build());
        assertMessage("activation", () -> HiddenActivation.parse("swishy"));
        assertMessage("updater", () -> UpdaterKind.parse("rmsprop"));
        assertMessage("2 classes", () -> spec(new int[] {3}, 0).toConfiguration(4, 1));
        assertMessage("weightInit", () -> WeightInitScheme.parse("orthogonal"));
    }

    @Test
    void parsesUserFacingNamesCaseInsensitively() {
        assertEquals(HiddenActivation.LEAKYRELU, HiddenActivation.parse("LeakyReLU"));
        assertEquals(UpdaterKind.NESTEROVS, UpdaterKind.parse(" nesterovs "));
    }

    private static void assertMessage(String expectedPart, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks " + expectedPart);
    }
}
