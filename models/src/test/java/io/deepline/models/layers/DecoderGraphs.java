package io.deepline.models.layers;

import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A small encoder-decoder graph around an {@link AttentiveGruDecoder} for the tests: source ids → embedding →
 * {@link Gru} encoder, target ids → embedding, both → decoder → per-step softmax.
 */
final class DecoderGraphs {
    static final int VOCABULARY = 5;
    static final int EMBEDDING = 2;
    static final int UNITS = 3;

    private DecoderGraphs() {
    }

    static ComputationGraphConfiguration configuration(DecoderContext context, IUpdater updater, DataType dataType,
                                                       long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(updater).graphBuilder()
                .addInputs("source", "target")
                .addLayer("sourceEmbedding", embedding(), "source")
                .addLayer("encoder", new Gru.Builder().nIn(EMBEDDING).nOut(UNITS).build(), "sourceEmbedding")
                .addLayer("targetEmbedding", embedding(), "target")
                .addVertex("decoder", AttentiveGruDecoder.builder().inputSize(EMBEDDING).hiddenSize(UNITS)
                        .context(context).updater(updater).build(), "encoder", "targetEmbedding")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(2 * UNITS).nOut(VOCABULARY)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build(), "decoder")
                .setOutputs("out")
                .build();
    }

    static ComputationGraph graph(DecoderContext context, IUpdater updater, DataType dataType, long seed) {
        ComputationGraph graph = new ComputationGraph(configuration(context, updater, dataType, seed));
        graph.init();
        return graph;
    }

    private static EmbeddingSequenceLayer embedding() {
        return new EmbeddingSequenceLayer.Builder().nIn(VOCABULARY).nOut(EMBEDDING).inferInputLength(true)
                .hasBias(false).build();
    }

    /** Random ids [batch, 1, steps] in [0, VOCABULARY). */
    static INDArray ids(Random random, int batch, int steps, DataType dataType) {
        INDArray ids = Nd4j.zeros(dataType, batch, 1, steps);
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < steps; t++) {
                ids.putScalar(new long[] {e, 0, t}, random.nextInt(VOCABULARY));
            }
        }
        return ids;
    }

    /** One-hot per-step labels [batch, VOCABULARY, steps]. */
    static INDArray labels(Random random, int batch, int steps, DataType dataType) {
        INDArray y = Nd4j.zeros(dataType, batch, VOCABULARY, steps);
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < steps; t++) {
                y.putScalar(new long[] {e, random.nextInt(VOCABULARY), t}, 1.0);
            }
        }
        return y;
    }

    /** Gaussian parameters (σ = 0.7) everywhere, biases too, so no gradient is a trivial one. */
    static void randomise(ComputationGraph graph, Random random) {
        // graph.numParams() counts layers only; params() holds the vertex parameters too
        double[] values = new double[(int) graph.params().length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.7 * random.nextGaussian();
        }
        graph.params().assign(Nd4j.create(values).reshape(graph.params().shape()).castTo(graph.params().dataType()));
    }
}
