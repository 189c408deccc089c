package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link PositionWiseDense}: σ(x_t W + b) at every position, whatever the batch; and why it exists: DL4J
 * 1.0.0-M2.1's {@code TimeDistributed(DenseLayer)} makes a real position depend on the other sequences' padding.
 */
class PositionWiseDenseTest {
    private static final double[][] RAGGED = {{1, 1, 0, 0}, {1, 1, 1, 1}, {1, 1, 1, 0}};

    @Test
    void dl4jTimeDistributedMasksTheWrongPositionsInARaggedBatch() {
        MultiLayerNetwork net = network(new TimeDistributed(new DenseLayer.Builder().nIn(3).nOut(4)
                .activation(Activation.TANH).build(), RNNFormat.NCW), DataType.DOUBLE);
        assertFalse(rowsMatchAlone(net), "if this fails, DL4J fixed TimeDistributed's mask order: it could be used");
    }

    @Test
    void eachPositionIsComputedOnItsOwnWhateverTheBatch() {
        MultiLayerNetwork net = network(dense(Activation.TANH), DataType.DOUBLE);
        assertTrue(rowsMatchAlone(net));
        // and the values are σ(x_t W + b)
        INDArray x = gaussian(new Random(2), 2, 3, 4);
        INDArray out = net.feedForward(x, false).get(1);
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = net.getLayer(0).getParam("b");
        for (int n = 0; n < 2; n++) {
            for (int t = 0; t < 4; t++) {
                INDArray step = x.get(NDArrayIndex.point(n), NDArrayIndex.all(), NDArrayIndex.point(t)).reshape(1, 3);
                INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.tanh(step.mmul(w).addi(b));
                INDArray actual = out.get(NDArrayIndex.point(n), NDArrayIndex.all(), NDArrayIndex.point(t));
                assertTrue(expected.reshape(4).equalsWithEps(actual, 1e-12), "(n, t) = (" + n + ", " + t + ")");
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesWithARaggedMask() {
        DataType previous = Nd4j.dataType();
        DataType previousFloatingPoint = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerNetwork net = network(dense(Activation.RELU), DataType.DOUBLE);
            Random random = new Random(3);
            INDArray mask = Nd4j.create(RAGGED);
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 2, 4);
            for (int n = 0; n < 3; n++) {
                for (int t = 0; t < 4; t++) {
                    labels.putScalar(new long[] {n, random.nextInt(2), t}, 1.0);
                }
            }
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                    .input(gaussian(random, 3, 3, 4)).labels(labels).inputMask(mask).labelMask(mask)
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
        } finally {
            Nd4j.setDefaultDataTypes(previous, previousFloatingPoint);
        }
    }

    @Test
    void jsonRoundTripAndInputTypes() {
        MultiLayerConfiguration conf = network(dense(Activation.RELU), DataType.FLOAT).getLayerWiseConfigurations();
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
        PositionWiseDense layer = (PositionWiseDense) dense(Activation.RELU);
        assertEquals(InputType.recurrent(4, 7, RNNFormat.NCW), layer.getOutputType(0, InputType.recurrent(3, 7)));
        assertThrows(IllegalArgumentException.class, () -> layer.getOutputType(0, InputType.feedForward(3)));
        MultiLayerNetwork net = network(dense(Activation.RELU), DataType.FLOAT);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.output(Nd4j.zeros(DataType.FLOAT, 2, 5, 4)));
        assertTrue(e.getMessage().contains("[N, 3, T]"), e.getMessage());
    }

    private static Layer dense(Activation activation) {
        return new PositionWiseDense.Builder().nIn(3).nOut(4).activation(activation).build();
    }

    /** The layer, then a per-step softmax over 2 classes (so masks reach the layer as in a real network). */
    private static MultiLayerNetwork network(Layer layer, DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(dataType)
                .updater(new NoOp()).list().layer(layer)
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(4).nOut(2).activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW).build())
                .build());
        net.init();
        return net;
    }

    /** Whether each row's real steps come out of layer 0 the same alone (unpadded) as in the ragged batch. */
    private static boolean rowsMatchAlone(MultiLayerNetwork net) {
        INDArray x = gaussian(new Random(1), 3, 3, 4);
        INDArray mask = Nd4j.create(RAGGED);
        net.setLayerMaskArrays(mask, null);
        INDArray batched = net.feedForward(x, false).get(1).dup();
        net.clearLayerMaskArrays();
        for (int n = 0; n < 3; n++) {
            int length = (int) mask.getRow(n).sumNumber().intValue();
            INDArray alone = net.feedForward(x.get(NDArrayIndex.interval(n, n + 1), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, length)).dup(), false).get(1);
            INDArray inBatch = batched.get(NDArrayIndex.interval(n, n + 1), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, length));
            if (!alone.equalsWithEps(inBatch, 1e-9)) {
                return false;
            }
        }
        return true;
    }

    private static INDArray gaussian(Random random, int batch, int features, int steps) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, batch, features, steps);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, random.nextGaussian());
        }
        return x;
    }
}
