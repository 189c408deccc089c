package io.deepline.models.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.OutputHead;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossPoisson;

/** The exp inverse link: values, gradients (DL4J gradient check in double precision) and JSON round trip. */
class ActivationExpTest {

    @Test
    void computesExpAndItsDerivative() {
        INDArray z = Nd4j.createFromArray(-1.0, 0.0, 2.0);
        INDArray a = new ActivationExp().getActivation(z.dup(), false);
        assertEquals(Math.exp(-1), a.getDouble(0), 1e-12);
        assertEquals(Math.exp(2), a.getDouble(2), 1e-12);
        INDArray grad = new ActivationExp().backprop(z.dup(), Nd4j.createFromArray(1.0, 2.0, 3.0)).getFirst();
        assertEquals(2 * Math.exp(0), grad.getDouble(1), 1e-12);
        assertEquals(3 * Math.exp(2), grad.getDouble(2), 1e-12);
    }

    @Test
    void passesDl4jGradientCheckInsidePoissonRegression() {
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            gradientCheck();
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    private static void gradientCheck() {
        Nd4j.getRandom().setSeed(12345);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(1)
                .updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new LossPoisson()).nIn(4).nOut(2).activation(new ActivationExp()).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 3).subi(0.5);
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 1}, {2, 0}, {1, 1}, {3, 2}, {0, 0}, {1, 4}});
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
        assertTrue(ok, "analytic and numeric gradients must agree");
    }

    @Test
    void survivesConfigurationJson() {
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers(3).build().toConfiguration(2, OutputHead.poisson(1));
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }
}
