package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.activations.ActivationExp;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossPoisson;

/** GLM output heads, GLMs without hidden layers, leaky ReLU's slope, and the course's initialisations (§4.5.3). */
class OutputHeadAndInitTest {

    @Test
    void headsPairTheInverseLinkWithTheNegativeLogLikelihood() {
        OutputLayer bernoulli = outputOf(MlpSpec.builder().hiddenLayers().build().toConfiguration(3,
                OutputHead.bernoulli()));
        assertInstanceOf(ActivationSigmoid.class, bernoulli.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, bernoulli.getLossFn());
        assertEquals(1, bernoulli.getNOut());
        OutputLayer gaussian = outputOf(MlpSpec.builder().hiddenLayers().build().toConfiguration(3,
                OutputHead.gaussian(2)));
        assertInstanceOf(ActivationIdentity.class, gaussian.getActivationFn());
        assertInstanceOf(LossMSE.class, gaussian.getLossFn());
        OutputLayer poisson = outputOf(MlpSpec.builder().hiddenLayers().build().toConfiguration(3,
                OutputHead.poisson(1)));
        assertInstanceOf(ActivationExp.class, poisson.getActivationFn());
        assertInstanceOf(LossPoisson.class, poisson.getLossFn());
        assertThrows(IllegalArgumentException.class, () -> new OutputHead(OutputHead.Family.BERNOULLI, 2));
    }

    @Test
    void noHiddenLayerIsAGlmWithOneWeightPerFeatureAndOutput() {
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers().build().toConfiguration(5,
                OutputHead.gaussian(1));
        assertEquals(1, conf.getConfs().size());
        assertEquals(6, new MultiLayerNetwork(conf).numParams(), "5 weights + 1 intercept");
        MultiLayerConfiguration noIntercept = MlpSpec.builder().hiddenLayers().fitIntercept(false).build()
                .toConfiguration(5, OutputHead.gaussian(1));
        MultiLayerNetwork net = new MultiLayerNetwork(noIntercept);
        net.init();
        assertEquals(5, net.numParams(), "fitIntercept=false drops the bias");
    }

    @Test
    void leakyReluUsesTheConfiguredSlope() {
        MultiLayerConfiguration conf = MlpSpec.builder().hiddenLayers(4).activation(HiddenActivation.LEAKYRELU)
                .leakyReluSlope(0.2).build().toConfiguration(3, 2);
        ActivationLReLU relu = (ActivationLReLU) ((BaseLayer) conf.getConf(0).getLayer()).getActivationFn();
        assertEquals(0.2, relu.getAlpha(), 0.0);
    }

    @Test
    void xavierIsUniformWithTheSeedsBoundAndVariance() {
        int in = 400;
        int out = 300;
        INDArray w = firstWeights(MlpSpec.builder().hiddenLayers(out).activation(HiddenActivation.TANH)
                .weightInit(WeightInitScheme.XAVIER).build(), in);
        double bound = Math.sqrt(6.0) / Math.sqrt(in + out);
        assertTrue(w.amaxNumber().doubleValue() <= bound, "|W| <= √6/√(D_l + D_{l+1}) (eq. 28)");
        assertTrue(w.amaxNumber().doubleValue() > 0.99 * bound, "uniform over the whole interval");
        assertEquals(bound * bound / 3, variance(w), 0.05 * bound * bound / 3, "Var of Uniform(±a) = a²/3");
    }

    @Test
    void heIsNormalWithVarianceTwoOverFanIn() {
        int in = 400;
        INDArray w = firstWeights(MlpSpec.builder().hiddenLayers(300).activation(HiddenActivation.RELU)
                .weightInit(WeightInitScheme.HE).build(), in);
        assertEquals(2.0 / in, variance(w), 0.05 * 2.0 / in, "Normal(0, 2/D_l) (eq. 29)");
        assertEquals(0.0, w.meanNumber().doubleValue(), 0.01 * Math.sqrt(2.0 / in));
    }

    @Test
    void autoPicksXavierForSaturatingAndHeForReluActivationsAndBiasesStartAtZero() {
        assertEquals(WeightInitScheme.XAVIER.dl4j(HiddenActivation.SIGMOID),
                WeightInitScheme.AUTO.dl4j(HiddenActivation.SIGMOID));
        assertEquals(WeightInitScheme.HE.dl4j(HiddenActivation.LEAKYRELU),
                WeightInitScheme.AUTO.dl4j(HiddenActivation.LEAKYRELU));
        MultiLayerNetwork net = MlpSpec.builder().hiddenLayers(50, 20).build().buildNetwork(10, 3);
        for (int layer = 0; layer < 3; layer++) {
            assertEquals(0.0, net.getLayer(layer).getParam("b").amaxNumber().doubleValue(), 0.0, "zero biases");
        }
    }

    private static OutputLayer outputOf(MultiLayerConfiguration conf) {
        return (OutputLayer) conf.getConf(conf.getConfs().size() - 1).getLayer();
    }

    private static INDArray firstWeights(MlpSpec spec, int nIn) {
        return spec.buildNetwork(nIn, 2).getLayer(0).getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }

    private static double variance(INDArray w) {
        double mean = w.meanNumber().doubleValue();
        return w.sub(mean).muli(w.sub(mean)).meanNumber().doubleValue();
    }
}
