package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Backpropagation through {@link LayerNorm} against central finite differences, with DL4J's standard
 * gradient-check settings: double precision, NoOp updater, no dropout, ε = 1e-6, max relative error 1e-3,
 * min absolute error 1e-8. γ and β are random so their gradients are not the trivial ones of γ = 1, β = 0.
 */
@ExtendWith(DoubleDefaults.class)
class LayerNormGradientCheckTest {
    private static final int N_IN = 4;
    private static final int D = 5;
    private static final int CLASSES = 3;

    @Test
    void denseThenLayerNormThenOutputPassesTheGradientCheck() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(21).dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nOut(D).activation(Activation.TANH).build())
                .layer(new LayerNorm.Builder().epsilon(1e-3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(N_IN))
                .build());
        net.init();
        Random random = new Random(4);
        LayerNormTest.setGammaBeta(net, 1, CourseLayerNorm.random(random, D, 1, 0.5), CourseLayerNorm.random(random, D, 0, 1));
        INDArray x = Nd4j.create(CourseLayerNorm.randomRows(random, 6, N_IN));
        assertTrue(check(net, x, oneHot(random, 6)));
    }

    @Test
    void rnnThenLayerNormOnSequencesPassesTheGradientCheck() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(22).dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new SimpleRnn.Builder().nOut(D).activation(Activation.TANH).build())
                .layer(new LayerNorm.Builder().epsilon(1e-3).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(N_IN))
                .build());
        net.init();
        Random random = new Random(5);
        LayerNormTest.setGammaBeta(net, 1, CourseLayerNorm.random(random, D, 1, 0.5), CourseLayerNorm.random(random, D, 0, 1));
        int n = 3;
        int t = 4;
        INDArray x = Nd4j.create(CourseLayerNorm.randomRows(random, n * t, N_IN)).reshape('c', n, t, N_IN).permute(0, 2, 1).dup('c');
        INDArray y = oneHot(random, n * t).reshape('c', n, t, CLASSES).permute(0, 2, 1).dup('c');
        assertTrue(check(net, x, y));
    }

    @Test
    void fitUpdatesGammaAndBeta() {
        MultiLayerNetwork net = new MultiLayerNetwork(LayerNormTest.configuration(N_IN, 1e-5).clone());
        net.init();
        INDArray gammaBefore = net.getParam("1_" + LayerNorm.GAMMA).dup();
        INDArray betaBefore = net.getParam("1_" + LayerNorm.BETA).dup();
        Random random = new Random(6);
        DataSet batch = new DataSet(Nd4j.create(CourseLayerNorm.randomRows(random, 8, N_IN)), oneHot(random, 8));
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        assertNotEquals(gammaBefore, net.getParam("1_" + LayerNorm.GAMMA));
        assertNotEquals(betaBefore, net.getParam("1_" + LayerNorm.BETA));
    }

    private static boolean check(MultiLayerNetwork net, INDArray x, INDArray y) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }

    private static INDArray oneHot(Random random, int rows) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, CLASSES);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, random.nextInt(CLASSES), 1.0);
        }
        return y;
    }
}
