package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class AutoEncoderSpecTest {

    private static AutoEncoderSpec.Builder dense() {
        return AutoEncoderSpec.builder().hiddenLayers(12, 6).codeSize(3).activation(HiddenActivation.TANH);
    }

    private static AutoEncoderSpec.Builder conv() {
        return AutoEncoderSpec.builder().architecture(AutoEncoderArchitecture.CONV).imageShape(2, 8, 6)
                .convFilters(4, 5).hiddenLayers(10).codeSize(3);
    }

    @Test
    void denseMirrorsTheEncoderAroundALinearCode() {
        AutoEncoderSpec spec = dense().build();
        MultiLayerConfiguration conf = spec.toConfiguration(20);
        assertEquals(6, conf.getConfs().size());
        long[] outs = new long[6];
        for (int i = 0; i < 6; i++) {
            outs[i] = conf.getConf(i).getLayer() instanceof DenseLayer d ? d.getNOut()
                    : ((OutputLayer) conf.getConf(i).getLayer()).getNOut();
        }
        assertArrayEquals(new long[] {12, 6, 3, 6, 12, 20}, outs);
        assertEquals(20, ((DenseLayer) conf.getConf(0).getLayer()).getNIn());
        assertEquals(2, spec.codeLayerIndex());
        assertInstanceOf(ActivationIdentity.class, ((DenseLayer) conf.getConf(2).getLayer()).getActivationFn());
        assertInstanceOf(ActivationTanH.class, ((DenseLayer) conf.getConf(3).getLayer()).getActivationFn());
        OutputLayer out = (OutputLayer) conf.getConf(5).getLayer();
        assertInstanceOf(ActivationIdentity.class, out.getActivationFn());
        assertInstanceOf(LossMSE.class, out.getLossFn());
    }

    @Test
    void xentUsesASigmoidOutput() {
        OutputLayer out = (OutputLayer) dense().reconstructionLoss(ReconstructionLoss.XENT).build().toConfiguration(20)
                .getConf(5).getLayer();
        assertInstanceOf(ActivationSigmoid.class, out.getActivationFn());
        assertInstanceOf(LossBinaryXENT.class, out.getLossFn());
    }

    @Test
    void convHalvesTheImagePerBlockAndReadsTheCodeAtItsIndex() {
        AutoEncoderSpec spec = conv().build();
        MultiLayerConfiguration conf = spec.toConfiguration(2 * 8 * 6);
        assertInstanceOf(ConvolutionLayer.class, conf.getConf(0).getLayer());
        assertInstanceOf(SubsamplingLayer.class, conf.getConf(1).getLayer());
        assertInstanceOf(ConvolutionLayer.class, conf.getConf(2).getLayer());
        assertEquals(5, spec.codeLayerIndex());
        // After two halvings: 5 filters × 2 × 1 feed the first dense layer.
        assertEquals(5 * 2 * 1, ((DenseLayer) conf.getConf(4).getLayer()).getNIn());
        MultiLayerNetwork net = spec.buildNetwork(96);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 7, 96);
        List<INDArray> activations = net.feedForward(x, false);
        assertArrayEquals(new long[] {7, 3}, activations.get(spec.codeLayerIndex() + 1).shape());
        assertArrayEquals(new long[] {7, 96}, activations.get(activations.size() - 1).shape());
    }

    @Test
    void sameSpecSameInitialWeights() {
        assertEquals(dense().build(), dense().build());
        assertEquals(dense().build().buildNetwork(20).params(), dense().build().buildNetwork(20).params());
    }

    @Test
    void invalidValuesNameTheFieldAndTheFix() {
        assertMessage(() -> dense().codeSize(0).build(), "codeSize is 0");
        assertMessage(() -> dense().hiddenLayers(4, -1).build(), "hiddenLayers[1] is -1");
        assertMessage(() -> dense().build().toConfiguration(3), "codeSize is 3", "codeSize < 3");
        assertMessage(() -> conv().imageShape(8, 8).build(), "imageShape is [8, 8]", "[channels, height, width]");
        assertMessage(() -> conv().convFilters().build(), "convFilters is []");
        assertMessage(() -> conv().convFilters(4, 4, 4, 4).build(), "halved only 2 times", "fewer blocks");
        assertMessage(() -> conv().build().toConfiguration(64), "imageShape [2, 8, 6] holds 96", "64");
        assertMessage(() -> dense().dropout(1.0).build(), "dropout is 1.0");
        assertMessage(() -> AutoEncoderArchitecture.parse("rnn"), "architecture 'rnn'", "dense, conv");
        assertMessage(() -> ReconstructionLoss.parse("l1"), "reconstructionLoss 'l1'", "mse, xent");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
