package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link Gru} in whole networks: it learns small sequence tasks that need memory across padded, variable-length
 * batches, many-to-one (LastTimeStep) and many-to-many (RnnOutputLayer), and a ComputationGraph computes the same
 * function as a MultiLayerNetwork with the same parameters.
 */
class GruLearningTest {
    private static final int TOKENS = 4;
    private static final int STEPS = 8;
    private static final int MIN_LENGTH = 3;

    /** Predict the first token of a sequence of 3..8 one-hot tokens from the state after its last real step. */
    @Test
    void learnsToRecallTheFirstTokenThroughLastTimeStep() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).updater(new Adam(0.05)).list()
                .layer(new LastTimeStep(new Gru.Builder().nOut(16).build()))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(TOKENS).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(TOKENS))
                .build());
        net.init();
        Random random = new Random(2);
        for (int i = 0; i < 40; i++) {
            net.fit(firstTokenBatch(random, 32));
        }
        DataSet test = firstTokenBatch(new Random(3), 500);
        INDArray predicted = net.output(test.getFeatures(), false, test.getFeaturesMaskArray(), null).argMax(1);
        double accuracy = accuracy(predicted, test.getLabels().argMax(1));
        assertTrue(accuracy > 0.95, "accuracy " + accuracy + " (chance is 0.25)");
    }

    /** At each step predict the parity of the bits seen so far (XOR of the input with the remembered parity). */
    @Test
    void learnsRunningParityPerStep() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(4)
                .dataType(DataType.FLOAT).updater(new Adam(0.05)).list()
                .layer(new Gru.Builder().nOut(16).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(1))
                .build());
        net.init();
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            net.fit(parityBatch(random, 32));
        }
        DataSet test = parityBatch(new Random(6), 300);
        INDArray predicted = net.output(test.getFeatures(), false, test.getFeaturesMaskArray(), null).argMax(1);
        INDArray truth = test.getLabels().argMax(1);
        INDArray mask = test.getLabelsMaskArray();
        double correct = predicted.eq(truth).castTo(DataType.FLOAT).mul(mask).sumNumber().doubleValue();
        double accuracy = correct / mask.sumNumber().doubleValue();
        assertTrue(accuracy > 0.95, "per-step accuracy " + accuracy + " (chance is 0.5)");
    }

    @Test
    void computationGraphWithAveragePoolingComputesTheSameAsMultiLayerNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.DOUBLE).list()
                .layer(new Gru.Builder().nOut(5).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(TOKENS).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(TOKENS))
                .build());
        net.init();
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(8)
                .dataType(DataType.DOUBLE).graphBuilder()
                .addInputs("in")
                .addLayer("gru", new Gru.Builder().nOut(5).build(), "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "gru")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(TOKENS)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(TOKENS))
                .build());
        graph.init(net.params().dup(), false);
        DataSet batch = firstTokenBatch(new Random(9), 6);
        INDArray features = batch.getFeatures().castTo(DataType.DOUBLE);
        INDArray mask = batch.getFeaturesMaskArray().castTo(DataType.DOUBLE);
        INDArray fromNet = net.output(features, false, mask, null);
        INDArray fromGraph = graph.output(false, new INDArray[] {features}, new INDArray[] {mask})[0];
        assertTrue(fromNet.equalsWithEps(fromGraph, 1e-12), fromNet + " vs " + fromGraph);
        // The mask matters: without it the padded steps enter the average.
        assertTrue(!fromNet.equalsWithEps(net.output(features), 1e-6));
    }

    /** One-hot tokens, lengths 3..8 padded at the end, label = the first token. */
    private static DataSet firstTokenBatch(Random random, int size) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, size, TOKENS, STEPS);
        INDArray y = Nd4j.zeros(DataType.FLOAT, size, TOKENS);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, size, STEPS);
        for (int e = 0; e < size; e++) {
            int length = MIN_LENGTH + random.nextInt(STEPS - MIN_LENGTH + 1);
            for (int t = 0; t < length; t++) {
                int token = random.nextInt(TOKENS);
                x.putScalar(new long[] {e, token, t}, 1.0);
                mask.putScalar(e, t, 1.0);
                if (t == 0) {
                    y.putScalar(e, token, 1.0);
                }
            }
        }
        return new DataSet(x, y, mask, null);
    }

    /** Bits ±1, lengths 3..8 padded at the end, per-step one-hot label of the running parity. */
    private static DataSet parityBatch(Random random, int size) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, size, 1, STEPS);
        INDArray y = Nd4j.zeros(DataType.FLOAT, size, 2, STEPS);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, size, STEPS);
        for (int e = 0; e < size; e++) {
            int length = MIN_LENGTH + random.nextInt(STEPS - MIN_LENGTH + 1);
            int parity = 0;
            for (int t = 0; t < length; t++) {
                int bit = random.nextInt(2);
                parity ^= bit;
                x.putScalar(new long[] {e, 0, t}, bit == 1 ? 1.0 : -1.0);
                y.putScalar(new long[] {e, parity, t}, 1.0);
                mask.putScalar(e, t, 1.0);
            }
        }
        return new DataSet(x, y, mask, mask);
    }

    private static double accuracy(INDArray predicted, INDArray truth) {
        return predicted.eq(truth).castTo(DataType.FLOAT).meanNumber().doubleValue();
    }
}
