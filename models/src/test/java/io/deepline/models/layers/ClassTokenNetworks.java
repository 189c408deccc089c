package io.deepline.models.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A small [CLS]-pooled classifier for the tests: ClassToken → bidirectional {@link Gru} → FirstStep → softmax.
 * The backward direction reads every real step before it reaches step 0, and its Gru honours the extended mask
 * (padded steps keep the state), so step 0 depends on exactly the real steps: a wrong mask changes the output.
 */
final class ClassTokenNetworks {
    static final int BATCH = 3;
    static final int D = 4;
    static final int T = 5;
    static final int UNITS = 2;
    static final int CLASSES = 3;
    /** A full sequence, one of 3 steps, one of a single step; padding at the end, as the pipelines pad. */
    static final double[][] RAGGED_MASK = {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}};

    private ClassTokenNetworks() {
    }

    static MultiLayerConfiguration configuration(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE).updater(updater).list()
                .layer(new ClassToken.Builder().build())
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT, new Gru.Builder().nOut(UNITS).build()))
                .layer(new FirstStep())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.recurrent(D, T))
                .build();
    }

    /** The same with a {@link Gru} (D → D) before the token, so the token's input gradient reaches parameters. */
    static MultiLayerConfiguration configurationWithGruBefore(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE).updater(updater).list()
                .layer(new Gru.Builder().nOut(D).build())
                .layer(new ClassToken.Builder().build())
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT, new Gru.Builder().nOut(UNITS).build()))
                .layer(new FirstStep())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.recurrent(D, T))
                .build();
    }

    static MultiLayerNetwork network(IUpdater updater, long seed) {
        return network(configuration(updater, seed));
    }

    static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }

    static INDArray raggedMask() {
        return Nd4j.create(RAGGED_MASK);
    }

    static INDArray oneHot(java.util.Random random, int rows) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, CLASSES);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, random.nextInt(CLASSES), 1.0);
        }
        return y;
    }
}
