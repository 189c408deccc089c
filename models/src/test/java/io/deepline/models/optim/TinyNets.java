package io.deepline.models.optim;

import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small real DL4J networks and fixed batches for the updater tests. */
final class TinyNets {
    static final int N_IN = 3;
    static final int N_OUT = 2;

    private TinyNets() {
    }

    /** tanh dense (3→4) then an identity MSE output (4→2); the same seed always gives the same initial weights. */
    static MultiLayerConfiguration regression(IUpdater updater, DataType dataType) {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(N_IN).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(N_OUT)
                        .activation(Activation.IDENTITY).build())
                .build();
    }

    static MultiLayerNetwork network(IUpdater updater, DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(regression(updater, dataType));
        net.init();
        return net;
    }

    /** Five random examples; {@code seed} picks the batch. */
    static DataSet batch(long seed, DataType dataType) {
        // java.util.Random, not ND4J's RNG: re-seeding ND4J's native generator does not replay its sequence.
        Random random = new Random(seed);
        return new DataSet(uniform(random, 5, N_IN, 4.0).castTo(dataType), uniform(random, 5, N_OUT, 2.0).castTo(dataType));
    }

    /** A {@code rows × cols} matrix uniform in [−width/2, width/2). */
    static INDArray uniform(Random random, int rows, int cols, double width) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int j = 0; j < cols; j++) {
                row[j] = (random.nextDouble() - 0.5) * width;
            }
        }
        return Nd4j.create(values);
    }

    /**
     * The flattened per-example-mean gradient DL4J's fit applies the updater to, copied out before any update.
     * {@code computeGradientAndScore} gives the sum over the mini-batch; DL4J's updater divides it by the
     * mini-batch size before {@code applyUpdater} (mini-batch mode is DL4J's default).
     */
    static double[] gradient(MultiLayerNetwork net, DataSet batch) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().castTo(DataType.DOUBLE).div(batch.numExamples()).toDoubleVector();
    }

    static double[] params(MultiLayerNetwork net) {
        return net.params().castTo(DataType.DOUBLE).toDoubleVector();
    }

    static double[] updaterState(MultiLayerNetwork net) {
        return net.getUpdater(true).getStateViewArray().castTo(DataType.DOUBLE).toDoubleVector();
    }
}
