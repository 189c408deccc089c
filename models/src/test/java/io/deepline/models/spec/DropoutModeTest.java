package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Dropout (course §4.6.2) is on while training and off when scoring. */
class DropoutModeTest {

    @Test
    void dropoutOnlyActsInTrainingMode() {
        MultiLayerNetwork net = MlpSpec.builder().hiddenLayers(64, 64).dropout(0.5).seed(2).build().buildNetwork(5, 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5);
        INDArray scored = net.output(x, false);
        assertEquals(scored, net.output(x, false), "scoring is deterministic: no units dropped");
        assertNotEquals(scored, net.output(x, true), "training drops units");
        MultiLayerNetwork noDropout = MlpSpec.builder().hiddenLayers(64, 64).seed(2).build().buildNetwork(5, 3);
        assertEquals(noDropout.output(x, false), scored, "inverted dropout needs no rescaling at inference");
    }
}
