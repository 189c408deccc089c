package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class LayerNormTest {
    private static final int D = 7;

    @Test
    void forwardPassIsTheCourseFormula() {
        Random random = new Random(1);
        double[][] a = CourseLayerNorm.randomRows(random, 9, D);
        double[] gamma = CourseLayerNorm.random(random, D, 1, 0.5);
        double[] beta = CourseLayerNorm.random(random, D, 0, 1);
        MultiLayerNetwork net = network(new LayerNorm.Builder().nIn(D).epsilon(1e-3).build(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(D).nOut(2).activation(Activation.IDENTITY)
                        .build(), null);
        setGammaBeta(net, 0, gamma, beta);
        double[][] out = net.feedForward(Nd4j.create(a), false).get(1).toDoubleMatrix();
        double gap = CourseLayerNorm.maxAbsDiff(CourseLayerNorm.apply(a, gamma, beta, 1e-3), out);
        assertTrue(gap < 1e-10, "max |Δ| = " + gap);
        assertTrue(CourseLayerNorm.maxAbsDiff(CourseLayerNorm.apply(a, gamma, beta, 1e-5), out) > 1e-8,
                "ε is the configured 1e-3, not the default");
    }

    @Test
    void freshLayerHasGammaOneAndBetaZero() {
        MultiLayerNetwork net = network(new LayerNorm.Builder().nIn(D).build(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(D).nOut(2).build(), null);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 1, D), net.getParam("0_" + LayerNorm.GAMMA));
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 1, D), net.getParam("0_" + LayerNorm.BETA));
        assertEquals(2 * D + D * 2 + 2, net.numParams());
    }

    @Test
    void sequencesAreNormalisedOverFeaturesAtEachTimeStep() {
        Random random = new Random(2);
        int n = 3;
        int t = 4;
        double[] gamma = CourseLayerNorm.random(random, D, 1, 0.5);
        double[] beta = CourseLayerNorm.random(random, D, 0, 1);
        MultiLayerNetwork net = network(new LayerNorm.Builder().build(),
                new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY)
                        .build(), InputType.recurrent(D));
        setGammaBeta(net, 0, gamma, beta);
        INDArray x = Nd4j.create(DataType.DOUBLE, n, D, t);
        for (int step = 0; step < t; step++) {
            x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(step))
                    .assign(Nd4j.create(CourseLayerNorm.randomRows(random, n, D)));
        }
        INDArray out = net.feedForward(x, false).get(1);
        assertArrayEquals(x.shape(), out.shape());
        for (int step = 0; step < t; step++) {
            double[][] at = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(step)).toDoubleMatrix();
            double[][] got = out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(step)).toDoubleMatrix();
            double gap = CourseLayerNorm.maxAbsDiff(CourseLayerNorm.apply(at, gamma, beta, LayerNorm.DEFAULT_EPSILON), got);
            assertTrue(gap < 1e-10, "time step " + step + ": max |Δ| = " + gap);
        }
    }

    @Test
    void nInIsInferredFromTheInputType() {
        MultiLayerConfiguration conf = configuration(5, 1e-5);
        assertEquals(6, ((LayerNorm) conf.getConf(1).getLayer()).getNIn());
        // Like DL4J's own layers: by default (overrideNinUponBuild) the inferred size replaces a given nIn.
        MultiLayerConfiguration overridden = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(6).build())
                .layer(new LayerNorm.Builder().nIn(4).build())
                .setInputType(InputType.feedForward(3)).build();
        assertEquals(6, ((LayerNorm) overridden.getConf(1).getLayer()).getNIn());
    }

    @Test
    void configurationSurvivesJsonRoundTripAndGivesTheSameOutput() {
        MultiLayerConfiguration conf = configuration(5, 3e-4);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        LayerNorm read = (LayerNorm) back.getConf(1).getLayer();
        assertEquals(3e-4, read.epsilon(), 0.0);
        assertEquals(6, read.getNIn());

        MultiLayerNetwork original = new MultiLayerNetwork(conf);
        original.init();
        Random random = new Random(3);
        setGammaBeta(original, 1, CourseLayerNorm.random(random, 6, 1, 0.5), CourseLayerNorm.random(random, 6, 0, 1));
        MultiLayerNetwork restored = new MultiLayerNetwork(back);
        restored.init(original.params().dup(), false);
        INDArray x = Nd4j.create(CourseLayerNorm.randomRows(random, 4, 5));
        assertEquals(original.output(x), restored.output(x));
        assertNotEquals(configuration(5, 1e-5), conf, "ε takes part in equality");
    }

    @Test
    void rejectsInvalidValuesNamingTheField() {
        assertMessage("epsilon", () -> new LayerNorm.Builder().epsilon(0.0));
        assertMessage("epsilon", () -> new LayerNorm.Builder().epsilon(-1e-5));
        assertMessage("epsilon", () -> new LayerNorm.Builder().epsilon(Double.NaN));
        assertMessage("epsilon", () -> new LayerNorm.Builder().epsilon(Double.POSITIVE_INFINITY));
        assertMessage("nIn", () -> new LayerNorm.Builder().nIn(0));
        assertMessage("nIn", () -> new LayerNorm.Builder().nIn(-3));
        assertMessage("nIn is 4 but the layer before gives 6", () -> new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(6).build())
                .layer(new LayerNorm.Builder().nIn(4).build())
                .setInputType(InputType.feedForward(3)).overrideNinUponBuild(false).build());
        assertMessage("NCW", () -> new NeuralNetConfiguration.Builder().list()
                .layer(new LayerNorm.Builder().build())
                .setInputType(InputType.recurrent(3, RNNFormat.NWC)).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> network(new LayerNorm.Builder().build(), new OutputLayer.Builder().nIn(3).nOut(2).build(), null));
        assertTrue(e.getMessage().contains("nIn"), e.getMessage());
    }

    /** dense (nIn → 6, identity) → LayerNorm (nIn inferred) → softmax output, DOUBLE. */
    static MultiLayerConfiguration configuration(int nIn, double epsilon) {
        return new NeuralNetConfiguration.Builder().seed(12).dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.IDENTITY).build())
                .layer(new LayerNorm.Builder().epsilon(epsilon).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(nIn))
                .build();
    }

    static MultiLayerNetwork network(LayerNorm norm, org.deeplearning4j.nn.conf.layers.Layer output, InputType in) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .list().layer(norm).layer(output);
        if (in != null) {
            list.setInputType(in);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Sets γ and β of layer {@code index} by writing into the network's parameter views. */
    static void setGammaBeta(MultiLayerNetwork net, int index, double[] gamma, double[] beta) {
        net.getParam(index + "_" + LayerNorm.GAMMA).assign(Nd4j.create(gamma).reshape(1, gamma.length));
        net.getParam(index + "_" + LayerNorm.BETA).assign(Nd4j.create(beta).reshape(1, beta.length));
    }

    private static void assertMessage(String expectedPart, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks " + expectedPart);
    }
}
