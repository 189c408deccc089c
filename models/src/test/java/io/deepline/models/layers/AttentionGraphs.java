package io.deepline.models.layers;

import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Small graphs around one {@link MultiHeadAttention} vertex for the tests: self-attention (input "x") or
 * cross-attention (queries "q", keys and values "kv"), then a per-step softmax over {@value #CLASSES} classes.
 */
final class AttentionGraphs {
    static final int MODEL_DIM = 4;
    static final int HEADS = 2;
    static final int CLASSES = 3;

    private AttentionGraphs() {
    }

    static ComputationGraph selfAttention(boolean causal, IUpdater updater, DataType dataType, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                .updater(updater).graphBuilder()
                .addInputs("x")
                .addVertex("attention", attention(causal, updater), "x")
                .addLayer("out", output(), "attention")
                .setOutputs("out")
                .build();
        return init(conf);
    }

    static ComputationGraph crossAttention(IUpdater updater, DataType dataType, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType)
                .updater(updater).graphBuilder()
                .addInputs("q", "kv")
                .addVertex("attention", attention(false, updater), "q", "kv")
                .addLayer("out", output(), "attention")
                .setOutputs("out")
                .build();
        return init(conf);
    }

    static MultiHeadAttention attention(boolean causal, IUpdater updater) {
        return MultiHeadAttention.builder().modelDim(MODEL_DIM).numHeads(HEADS).causal(causal).updater(updater)
                .build();
    }

    private static RnnOutputLayer output() {
        return new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(MODEL_DIM).nOut(CLASSES)
                .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build();
    }

    private static ComputationGraph init(ComputationGraphConfiguration conf) {
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** Gaussian features [batch, MODEL_DIM, steps]. */
    static INDArray features(Random random, int batch, int steps, DataType dataType) {
        INDArray x = Nd4j.zeros(dataType, batch, MODEL_DIM, steps);
        for (int e = 0; e < batch; e++) {
            for (int d = 0; d < MODEL_DIM; d++) {
                for (int t = 0; t < steps; t++) {
                    x.putScalar(new long[] {e, d, t}, random.nextGaussian());
                }
            }
        }
        return x;
    }

    /** One-hot per-step labels [batch, CLASSES, steps]. */
    static INDArray labels(Random random, int batch, int steps, DataType dataType) {
        INDArray y = Nd4j.zeros(dataType, batch, CLASSES, steps);
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < steps; t++) {
                y.putScalar(new long[] {e, random.nextInt(CLASSES), t}, 1.0);
            }
        }
        return y;
    }

    /** Gaussian parameters (σ = 0.7) everywhere, biases too, so no gradient is a trivial one. */
    static void randomise(ComputationGraph graph, Random random) {
        double[] values = new double[(int) graph.params().length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.7 * random.nextGaussian();
        }
        graph.params().assign(Nd4j.create(values).reshape(graph.params().shape()).castTo(graph.params().dataType()));
    }
}
