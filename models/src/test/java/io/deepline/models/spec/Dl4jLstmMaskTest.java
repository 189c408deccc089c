package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import io.deepline.models.layers.Gru;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Why {@link SequenceSpec} refuses a bidirectional LSTM: DL4J 1.0.0-M2.1's LSTM ignores the feature mask when
 * predicting, so padding <em>before</em> a sequence (what the backward direction of {@code Bidirectional} sees)
 * changes its output, while the project's Gru keeps its state over masked steps. If this test starts failing,
 * DL4J has fixed its LSTM and the refusal can go.
 */
class Dl4jLstmMaskTest {

    @Test
    void lstmReadsLeadingPaddingButGruDoesNot() {
        float[][] lstm = leadingPaddedAndAlone(new LSTM.Builder().nIn(2).nOut(3).activation(Activation.TANH).build());
        assertFalse(Arrays.equals(lstm[0], lstm[1]), "DL4J's LSTM now honours a leading mask: "
                + Arrays.toString(lstm[0]) + " vs " + Arrays.toString(lstm[1]));
        float[][] gru = leadingPaddedAndAlone(new Gru.Builder().nIn(2).nOut(3).build());
        assertArrayEquals(gru[1], gru[0], 1e-5f);
    }

    /** The output at the last step of a sequence after two masked junk steps, and of the sequence alone. */
    private static float[][] leadingPaddedAndAlone(Layer recurrent) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).list().layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nIn(3).nOut(1).activation(Activation.IDENTITY)
                        .build())
                .build());
        net.init();
        Nd4j.getRandom().setSeed(3);
        INDArray padded = Nd4j.randn(DataType.FLOAT, 1, 2, 6).muli(3);
        INDArray mask = Nd4j.create(new float[][] {{0, 0, 1, 1, 1, 1}});
        INDArray alone = padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(2, 6)).dup();
        return new float[][] {
            net.output(padded, false, mask, null).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(5))
                    .toFloatVector(),
            net.output(alone, false).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(3))
                    .toFloatVector()
        };
    }
}
