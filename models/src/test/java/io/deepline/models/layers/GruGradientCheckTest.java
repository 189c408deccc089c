package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Backpropagation through time in {@link Gru} against central finite differences, with DL4J's standard
 * gradient-check settings: double precision, NoOp updater, no dropout, ε = 1e-6, max relative error 1e-3, min
 * absolute error 1e-8. All parameters (biases included) are random, so no gradient is a trivial one.
 */
@ExtendWith(DoubleDefaults.class)
class GruGradientCheckTest {
    private static final int N_IN = 2;
    private static final int UNITS = 2;
    private static final int CLASSES = 2;
    private static final int BATCH = 3;
    private static final int STEPS = 4;
    /**
     * A full row, a gap in the middle (the gradient must cross a padded step to reach step 0) and left padding
     * (so that the state at the first real step is h_0).
     */
    private static final double[][] MASK = {{1, 1, 1, 1}, {1, 0, 1, 0}, {0, 0, 1, 1}};

    @Test
    void perStepSoftmaxWithoutMask() {
        MultiLayerNetwork net = network(1, gru(), perStepOutput(LossFunction.MCXENT, Activation.SOFTMAX));
        Random random = new Random(11);
        assertTrue(check(net, input(random), perStepLabels(random), null));
    }

    @Test
    void perStepSoftmaxWithVariableLengthMask() {
        MultiLayerNetwork net = network(2, gru(), perStepOutput(LossFunction.MCXENT, Activation.SOFTMAX));
        Random random = new Random(12);
        assertTrue(check(net, input(random), perStepLabels(random), mask()));
    }

    @Test
    void manyToOneThroughAveragePoolingWithMseAndMask() {
        MultiLayerNetwork net = network(5, gru(), new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                new OutputLayer.Builder(LossFunction.MSE).nOut(CLASSES).activation(Activation.IDENTITY).build());
        Random random = new Random(15);
        assertTrue(check(net, input(random), Nd4j.randn(DataType.DOUBLE, BATCH, CLASSES), mask()));
    }

    @Test
    void manyToOneThroughLastTimeStepWithMask() {
        MultiLayerNetwork net = network(4, new LastTimeStep(gru()), lastOutput());
        Random random = new Random(14);
        assertTrue(check(net, input(random), oneHot(random, BATCH), mask()));
    }

    /** Two stacked GRUs, so the lower one is checked through the upper one's dL/dx. */
    @Test
    void stackedInComputationGraphWithMask() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(6)
                .dataType(DataType.DOUBLE).updater(new NoOp()).graphBuilder()
                .addInputs("in")
                .addLayer("lower", gru(), "in")
                .addLayer("upper", gru(), "lower")
                .addLayer("out", perStepOutput(LossFunction.MCXENT, Activation.SOFTMAX), "upper")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(N_IN))
                .build());
        graph.init();
        Random random = new Random(16);
        randomise(graph, random);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {input(random)}).labels(new INDArray[] {perStepLabels(random)})
                .inputMask(new INDArray[] {mask()}).labelMask(new INDArray[] {mask()})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    static Gru gru() {
        return new Gru.Builder().nOut(UNITS).build();
    }

    private static Layer perStepOutput(LossFunction loss, Activation activation) {
        return new RnnOutputLayer.Builder(loss).nOut(CLASSES).activation(activation).build();
    }

    private static Layer lastOutput() {
        return new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build();
    }

    private static MultiLayerNetwork network(long seed, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.recurrent(N_IN)).build());
        net.init();
        randomise(net, new Random(seed));
        return net;
    }

    /** Gaussian parameters (σ = 0.7) everywhere, biases too. */
    private static void randomise(Model net, Random random) {
        double[] values = new double[(int) net.numParams()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.7 * random.nextGaussian();
        }
        net.params().assign(Nd4j.create(values).reshape(net.params().shape()));
    }

    private static boolean check(MultiLayerNetwork net, INDArray x, INDArray y, INDArray mask) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .inputMask(mask).labelMask(y.rank() == 3 ? mask : null)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }

    private static INDArray input(Random random) {
        return CourseGru.ncw(CourseGru.randomSequences(random, BATCH, STEPS, N_IN), DataType.DOUBLE);
    }

    private static INDArray mask() {
        return Nd4j.create(MASK);
    }

    private static INDArray perStepLabels(Random random) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, BATCH, CLASSES, STEPS);
        for (int e = 0; e < BATCH; e++) {
            for (int t = 0; t < STEPS; t++) {
                y.putScalar(new long[] {e, random.nextInt(CLASSES), t}, 1.0);
            }
        }
        return y;
    }

    private static INDArray oneHot(Random random, int rows) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, CLASSES);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, random.nextInt(CLASSES), 1.0);
        }
        return y;
    }
}
