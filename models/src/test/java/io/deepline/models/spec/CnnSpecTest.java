package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The CNN spec: its written architecture, the DL4J network it builds, and its errors. */
class CnnSpecTest {

    private static CnnSpec spec(String architecture, ImageShape shape, boolean batchNorm, double dropout) {
        return new CnnSpec(shape, CnnArchitecture.parse(architecture), HiddenActivation.RELU, 0.01, batchNorm, dropout,
                NetworkTraining.defaults());
    }

    @Test
    void architectureParsesDefaultsAndPrintsItsOwnSyntax() {
        CnnArchitecture lenet = CnnArchitecture.parse(CnnArchitecture.LENET);
        assertEquals(List.of(new CnnLayer.Conv(6, 5, 1), new CnnLayer.Pool(2, 2), new CnnLayer.Conv(16, 5, 1),
                new CnnLayer.Pool(2, 2), new CnnLayer.Dense(120), new CnnLayer.Dense(84)), lenet.layers());
        CnnArchitecture strided = CnnArchitecture.parse("  CONV(8, 3, 2)   pool(3,1) dense(10) ");
        assertEquals(List.of(new CnnLayer.Conv(8, 3, 2), new CnnLayer.Pool(3, 1), new CnnLayer.Dense(10)),
                strided.layers());
        assertEquals(strided, CnnArchitecture.parse(strided.toString()), "toString is parseable");
    }

    @Test
    void badArchitecturesAreRefusedNamingTheItem() {
        assertMessage(() -> CnnArchitecture.parse("conv(6,5) cnv(3)"), "item 2 'cnv(3)'", "conv(filters,kernel");
        assertMessage(() -> CnnArchitecture.parse("conv(6)"), "item 1 'conv(6)' has 1 values");
        assertMessage(() -> CnnArchitecture.parse("conv(6,x)"), "'x' that is not a whole number");
        assertMessage(() -> CnnArchitecture.parse("conv(0,5)"), "conv filters is 0");
        assertMessage(() -> CnnArchitecture.parse("conv(6,5) dense(10) pool(2)"), "pool(2,2) after a dense layer");
        assertMessage(() -> CnnArchitecture.parse("dense(10)"), "no conv layer");
        assertMessage(() -> CnnArchitecture.parse(" "), "architecture is empty");
        assertMessage(() -> new ImageShape(1, 0, 28), "[1, 0, 28]", "each > 0");
        assertMessage(() -> ImageShape.of(new int[] {28, 28}), "3 values", "[28, 28]");
    }

    @Test
    void lenetOnMnistHasTheLayerSizesOfLeCun1998WithSamePadding() {
        MultiLayerNetwork net = spec(CnnArchitecture.LENET, new ImageShape(1, 28, 28), false, 0)
                .buildNetwork(OutputHead.categorical(10));
        // conv 1→6 (5×5) + conv 6→16 (5×5) + dense 16·7·7→120 + 120→84 + output 84→10, weights and biases.
        long expected = (25 * 6 + 6) + (25 * 6 * 16 + 16) + (16 * 7 * 7 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(expected, net.numParams());
        INDArray images = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 784);
        List<INDArray> activations = net.feedForward(images, false);
        // input, conv, pool, conv, pool, dense, dense, output: "same" padding halves only at the pools.
        assertArrayEquals(new long[] {3, 6, 28, 28}, activations.get(1).shape());
        assertArrayEquals(new long[] {3, 6, 14, 14}, activations.get(2).shape());
        assertArrayEquals(new long[] {3, 16, 7, 7}, activations.get(4).shape());
        assertArrayEquals(new long[] {3, 10}, activations.get(7).shape());
        INDArray rowSums = activations.get(7).sum(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, rowSums.getDouble(i), 1e-5, "softmax rows sum to 1");
        }
    }

    @Test
    void flatVectorsAreReadChannelMajor() {
        // One 2×2×3 image; a 1×1 convolution with one filter sees, at each pixel, that pixel's values in every
        // channel. Channel-major order puts channel c's pixel (h, w) at c·(2·3) + h·3 + w.
        CnnSpec rgb = spec("conv(1,1)", new ImageShape(2, 2, 3), false, 0);
        MultiLayerNetwork net = rgb.buildNetwork(OutputHead.gaussian(1));
        INDArray w = net.getLayer(0).getParam("W");
        w.assign(Nd4j.create(new float[] {1f, 100f}).reshape(1, 2, 1, 1));
        net.getLayer(0).getParam("b").assign(0);
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}).reshape(1, 12);
        INDArray conv = net.feedForward(x, false).get(1);
        assertArrayEquals(new long[] {1, 1, 2, 3}, conv.shape());
        assertEquals(1 + 100 * 10, conv.getDouble(0, 0, 0, 0), 1e-3);
        assertEquals(6 + 100 * 60, conv.getDouble(0, 0, 1, 2), 1e-3);
    }

    @Test
    void batchNormAndDropoutGoWhereTheJavadocSays() {
        MultiLayerConfiguration conf = spec("conv(4,3) pool(2) dense(8)", new ImageShape(1, 8, 8), true, 0.25)
                .toConfiguration(OutputHead.categorical(3));
        // conv, BN, act, pool, dense, BN, act, output
        assertEquals(8, conf.getConfs().size());
        assertTrue(conf.getConf(0).getLayer() instanceof ConvolutionLayer);
        assertTrue(conf.getConf(1).getLayer() instanceof BatchNormalization);
        assertTrue(conf.getConf(3).getLayer() instanceof SubsamplingLayer);
        assertTrue(conf.getConf(4).getLayer() instanceof DenseLayer);
        assertEquals(null, conf.getConf(0).getLayer().getIDropout(), "no dropout on convolutions");
        assertTrue(conf.getConf(4).getLayer().getIDropout() != null, "dropout on the dense layer's input");
        assertTrue(conf.getConf(7).getLayer().getIDropout() != null, "dropout on the output layer's input");
        assertEquals(conf.toJson(), MultiLayerConfiguration.fromJson(conf.toJson()).toJson(), "JSON round trip");
    }

    @Test
    void sameSpecStartsWithTheSameWeights() {
        CnnSpec s = spec("conv(4,3) pool(2) dense(8)", new ImageShape(1, 8, 8), false, 0);
        assertArrayEquals(s.initialState(OutputHead.categorical(3)).params(),
                s.initialState(OutputHead.categorical(3)).params());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message should contain '" + part + "': " + e.getMessage());
        }
    }
}
