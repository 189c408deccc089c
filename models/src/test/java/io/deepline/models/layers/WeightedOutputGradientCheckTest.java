package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.activations.ActivationExp;
import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Backpropagation through {@link WeightedOutput} with a labels mask of row weights (not 0/1) against central finite
 * differences, with DL4J's gradient-check settings (double precision, NoOp updater, ε = 1e-6, max relative error
 * 1e-3). DL4J's own {@code OutputLayer} scores such a mask once but applies it twice in its gradient for one-output
 * heads, so this check is what proves the weighted gradient is the gradient of the weighted score.
 */
@ExtendWith(DoubleDefaults.class)
class WeightedOutputGradientCheckTest {
    private static final int N_IN = 4;
    private static final int ROWS = 7;

    /** The heads Deepline builds: Gaussian, Poisson, Bernoulli and categorical. */
    enum Head {
        GAUSSIAN(LossFunction.MSE, Activation.IDENTITY.getActivationFunction(), 1),
        GAUSSIAN_TWO_OUTPUTS(LossFunction.MSE, Activation.IDENTITY.getActivationFunction(), 2),
        POISSON(LossFunction.POISSON, new ActivationExp(), 1),
        BERNOULLI(LossFunction.XENT, Activation.SIGMOID.getActivationFunction(), 1),
        CATEGORICAL(LossFunction.MCXENT, Activation.SOFTMAX.getActivationFunction(), 3);

        final LossFunction loss;
        final IActivation activation;
        final int outputs;

        Head(LossFunction loss, IActivation activation, int outputs) {
            this.loss = loss;
            this.activation = activation;
            this.outputs = outputs;
        }
    }

    @ParameterizedTest
    @EnumSource(Head.class)
    void rowWeightsPassTheGradientCheck(Head head) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(31).dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(WeightedOutput.of(new OutputLayer.Builder(head.loss).nOut(head.outputs)
                        .activation(head.activation)))
                .setInputType(InputType.feedForward(N_IN))
                .build());
        net.init();
        Random random = new Random(head.ordinal());
        INDArray x = Nd4j.rand(DataType.DOUBLE, ROWS, N_IN).subi(0.5);
        INDArray weights = Nd4j.create(DataType.DOUBLE, ROWS, 1);
        for (int i = 0; i < ROWS; i++) {
            weights.putScalar(i, 0, i == 2 ? 0.0 : 0.25 + 2.5 * random.nextDouble());
        }
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(labels(head, random)).labelMask(weights).epsilon(1e-6).maxRelError(1e-3)
                .minAbsoluteError(1e-8).print(GradientCheckUtil.PrintMode.FAILURES_ONLY)), head.name());
    }

    private static INDArray labels(Head head, Random random) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, ROWS, head.outputs);
        for (int i = 0; i < ROWS; i++) {
            switch (head) {
                case CATEGORICAL -> y.putScalar(i, random.nextInt(head.outputs), 1.0);
                case BERNOULLI -> y.putScalar(i, 0, random.nextInt(2));
                case POISSON -> y.putScalar(i, 0, random.nextInt(4));
                default -> {
                    for (int k = 0; k < head.outputs; k++) {
                        y.putScalar(i, k, random.nextGaussian());
                    }
                }
            }
        }
        return y;
    }
}
