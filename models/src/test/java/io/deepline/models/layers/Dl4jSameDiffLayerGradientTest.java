package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Why {@link LayerNorm} is not a {@code SameDiffLayer}: in DL4J 1.0.0-M2.1 every SameDiff layer receives twice the
 * true gradient. {@code ExternalErrorsFunction.doDiff} both registers the external-gradient placeholder as the
 * output's gradient and returns it, and SameDiff's gradient function sums the two: its graph contains
 * {@code add_1 = add(out-grad, out-grad)}. Measured here on the simplest layer, out = x + β: DL4J's dL/dβ is
 * exactly 2.000 times the finite-difference derivative (DL4J's own dense output layer, for contrast, is exact).
 * If a DL4J upgrade fixes this, this test fails and a SameDiff version of {@link LayerNorm} becomes possible.
 */
class Dl4jSameDiffLayerGradientTest {

    /** out = x + β with β of size 3; the smallest SameDiff layer with a parameter. */
    public static final class AddBias extends SameDiffLayer {
        private static final long serialVersionUID = 1L;

        private AddBias() {
        }

        private AddBias(Builder b) {
            super(b);
        }

        @Override
        public void defineParameters(SDLayerParams params) {
            params.clear();
            params.addBiasParam("beta", 1, 3);
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
            params.get("beta").assign(0.5);
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable in, Map<String, SDVariable> params, SDVariable mask) {
            // ×1 keeps the placeholder out of the output op: M2.1 rejects a bare in.add(β) when computing
            // gradients ("No variable/placeholder with name add-grad exists").
            return in.mul(1.0).add(params.get("beta"));
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType inputType) {
            return inputType;
        }

        @SuppressWarnings("unchecked")
        static final class Builder extends SameDiffLayer.Builder<Builder> {
            @Override
            public AddBias build() {
                return new AddBias(this);
            }
        }
    }

    @Test
    void sameDiffLayerGradientIsTwiceTheFiniteDifference() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new AddBias.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(2)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        Random random = new Random(1);
        DataSet data = new DataSet(Nd4j.create(CourseLayerNorm.randomRows(random, 4, 3)),
                Nd4j.create(CourseLayerNorm.randomRows(random, 4, 2)));
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        // DL4J's gradients are sums over the mini-batch; its score is the mean, hence the factor 4 below.
        double analyticBeta = net.gradient().getGradientFor("0_beta").getDouble(0);
        double analyticOutputBias = net.gradient().getGradientFor("1_b").getDouble(0);

        double numericBeta = 4 * centralDifference(net, "0_beta", data);
        double numericOutputBias = 4 * centralDifference(net, "1_b", data);
        assertEquals(1.0, analyticOutputBias / numericOutputBias, 1e-6, "DL4J's own layer is exact");
        assertEquals(2.0, analyticBeta / numericBeta, 1e-6, "the SameDiff layer's gradient is doubled");
    }

    private static double centralDifference(MultiLayerNetwork net, String param, DataSet data) {
        INDArray p = net.getParam(param);
        double original = p.getDouble(0);
        double h = 1e-6;
        p.putScalar(0, original + h);
        double plus = net.score(data);
        p.putScalar(0, original - h);
        double minus = net.score(data);
        p.putScalar(0, original);
        return (plus - minus) / (2 * h);
    }
}
