package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The course's positional encodings (§8.3.1): the values, the pass-through gradient, the JSON round trip. */
@ExtendWith(DoubleDefaults.class)
class PositionalEncodingTest {
    private static final int D = 8;
    private static final int T = 6;

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new SimpleRnn.Builder().nIn(3).nOut(D).activation(Activation.TANH).build())
                .layer(new PositionalEncoding())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).dataFormat(RNNFormat.NCW).nIn(D).nOut(2)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void addsTheSeedsSinesAndCosines() {
        MultiLayerNetwork net = network();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, T);
        INDArray embedded = net.feedForward(x, false).get(1);
        INDArray encoded = net.feedForward(x, false).get(2);
        INDArray p = encoded.sub(embedded);
        // Written out from the formula for D = 8: 10000^{2d/8} = 10^{d} for the pair d.
        assertEquals(Math.sin(0.0), p.getDouble(1, 0, 0), 1e-12);
        assertEquals(Math.cos(0.0), p.getDouble(1, 1, 0), 1e-12);
        assertEquals(Math.sin(5 / 1.0), p.getDouble(0, 0, 5), 1e-12);
        assertEquals(Math.cos(3 / 10.0), p.getDouble(0, 3, 3), 1e-12);
        assertEquals(Math.sin(4 / 100.0), p.getDouble(1, 4, 4), 1e-12);
        assertEquals(Math.cos(2 / 1000.0), p.getDouble(0, 7, 2), 1e-12);
        assertEquals(p.getDouble(0, 6, 5), p.getDouble(1, 6, 5), 0.0, "the same P for every example");
    }

    @Test
    void passesGradientsThroughUnchanged() {
        MultiLayerNetwork net = network();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, T);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2, T);
        INDArray mask = Nd4j.create(new double[][] {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 0, 0}});
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .inputMask(mask).labelMask(mask).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)));
    }

    @Test
    void roundTripsThroughJsonAndRefusesNonSequenceInput() {
        MultiLayerConfiguration conf = network().getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertInstanceOf(PositionalEncoding.class, back.getConf(1).getLayer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NeuralNetConfiguration.Builder().list()
                        .layer(new DenseLayer.Builder().nOut(4).build())
                        .layer(new PositionalEncoding())
                        .setInputType(InputType.feedForward(3)).build());
        assertTrue(e.getMessage().contains("NCW sequences"), e.getMessage());
    }
}
