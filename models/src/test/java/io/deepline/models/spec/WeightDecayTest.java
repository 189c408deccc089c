package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Our l2 is the course's weight decay λ in λ·Σ‖W‖² (§4.6.1), on the weights and not on the biases. */
class WeightDecayTest {

    @Test
    void l2AddsLambdaTimesTheSquaredWeightNormsToTheLoss() {
        double lambda = 0.01;
        MultiLayerNetwork plain = MlpSpec.builder().hiddenLayers(5, 4).seed(3).build().buildNetwork(3, 2);
        MultiLayerNetwork decayed = MlpSpec.builder().hiddenLayers(5, 4).seed(3).l2(lambda).build().buildNetwork(3, 2);
        assertEquals(plain.params(), decayed.params(), "l2 does not change the initial weights");

        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1);
        }
        DataSet data = new DataSet(x, y);
        double squaredWeights = 0;
        for (int layer = 0; layer < 3; layer++) {
            double norm = plain.getLayer(layer).getParam("W").norm2Number().doubleValue();
            squaredWeights += norm * norm;
        }
        double penalty = decayed.score(data) - plain.score(data);
        assertEquals(lambda * squaredWeights, penalty, 1e-5 * lambda * squaredWeights + 1e-7);
    }
}
