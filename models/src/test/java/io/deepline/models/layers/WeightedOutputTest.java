package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A row weight w in the labels mask must count as w copies of the row (issue 21, item 4): the loss and gradient of a
 * weighted batch equal those of the batch with each row repeated w times (the score times Σw / rows, as DL4J's score
 * is a mean over the rows). DL4J's own OutputLayer fails this for any weight other than 0 or 1.
 */
class WeightedOutputTest {
    private static final int N_IN = 3;
    private static final float[] WEIGHTS = {1, 3, 2, 1, 4};

    private static MultiLayerNetwork network(ILossFunction loss, Activation activation, int nOut) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(N_IN).nOut(4).activation(Activation.TANH).build())
                .layer(WeightedOutput.of(new OutputLayer.Builder(loss).nIn(4).nOut(nOut).activation(activation)))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Score and gradient of one batch: {score, gradient...}. */
    private static double[] scoreAndGradient(MultiLayerNetwork net, INDArray x, INDArray y, INDArray mask) {
        net.setInput(x);
        net.setLabels(y);
        net.setLayerMaskArrays(null, mask);
        net.computeGradientAndScore();
        double[] gradient = net.gradient().gradient().toDoubleVector();
        double[] out = new double[gradient.length + 1];
        out[0] = net.score();
        System.arraycopy(gradient, 0, out, 1, gradient.length);
        net.clearLayerMaskArrays();
        return out;
    }

    private static INDArray repeatRows(INDArray a) {
        int total = 0;
        for (float w : WEIGHTS) {
            total += (int) w;
        }
        INDArray out = Nd4j.create(DataType.DOUBLE, total, a.columns());
        int row = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            for (int k = 0; k < (int) WEIGHTS[i]; k++) {
                out.putRow(row++, a.getRow(i));
            }
        }
        return out;
    }

    private static void assertWeightsActAsCopies(MultiLayerNetwork net, INDArray y) {
        Random random = new Random(3);
        INDArray x = Nd4j.create(DataType.DOUBLE, WEIGHTS.length, N_IN);
        for (int i = 0; i < WEIGHTS.length; i++) {
            for (int j = 0; j < N_IN; j++) {
                x.putScalar(i, j, random.nextGaussian());
            }
        }
        INDArray mask = Nd4j.createFromArray(WEIGHTS).castTo(DataType.DOUBLE).reshape(WEIGHTS.length, 1);
        double[] weighted = scoreAndGradient(net, x, y, mask);
        double[] copies = scoreAndGradient(net, repeatRows(x), repeatRows(y), null);
        // The score is a mean over the batch's rows, the gradient a sum (DL4J's updater divides it by the rows).
        copies[0] *= mask.sumNumber().doubleValue() / WEIGHTS.length;
        assertArrayEquals(copies, weighted, 1e-9, "[score, gradient] with weights vs with repeated rows");
        assertTrue(weighted[0] > 0.01, "a loss worth comparing");
        double[] unmasked = scoreAndGradient(net, x, y, null);
        double[] ones = scoreAndGradient(net, x, y, Nd4j.ones(DataType.DOUBLE, WEIGHTS.length, 1));
        assertArrayEquals(unmasked, ones, 0.0, "a mask of ones changes nothing");
    }

    @Test
    void regressionWeightsActAsRepeatedRows() {
        INDArray y = Nd4j.createFromArray(new double[][] {{1.5}, {-2}, {0.3}, {4}, {-1}});
        assertWeightsActAsCopies(network(new LossMSE(), Activation.IDENTITY, 1), y);
    }

    @Test
    void multiOutputRegressionWeightsActAsRepeatedRows() {
        INDArray y = Nd4j.createFromArray(new double[][] {{1.5, 0}, {-2, 1}, {0.3, 2}, {4, -3}, {-1, 0.5}});
        assertWeightsActAsCopies(network(new LossMSE(), Activation.IDENTITY, 2), y);
    }

    @Test
    void softmaxWeightsActAsRepeatedRows() {
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        assertWeightsActAsCopies(network(new LossMCXENT(), Activation.SOFTMAX, 3), y);
    }

    @Test
    void bernoulliWeightsActAsRepeatedRows() {
        INDArray y = Nd4j.createFromArray(new double[][] {{1}, {0}, {0}, {1}, {1}});
        assertWeightsActAsCopies(network(new LossBinaryXENT(), Activation.SIGMOID, 1), y);
    }

    @Test
    void savesAndLoadsAsWeightedOutput() {
        MultiLayerNetwork net = network(new LossMSE(), Activation.IDENTITY, 1);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(WeightedOutput.class, back.getConf(1).getLayer().getClass());
        assertEquals(net.getLayerWiseConfigurations(), back);
    }
}
