package io.deepline.models.spec;

import io.deepline.models.seq2seq.ReversalTask;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small Transformer specs and random inputs for the tests. */
final class TransformerGraphs {
    static final int VOCABULARY = 9;
    static final int CLASSES = 3;

    private TransformerGraphs() {
    }

    static TransformerShape shape(boolean preNorm) {
        return new TransformerShape(4, 2, 6, 2, 0.0, preNorm);
    }

    /** Plain SGD with rate 1, as DL4J's gradient checks require. */
    static final NetworkTraining GRADIENT_CHECK = new NetworkTraining(WeightInitScheme.AUTO, 0.0, UpdaterKind.SGD,
            1.0, 0.0, LearningRateSchedule.NONE, 42);

    static TransformerSpec classifier(StepInput input, boolean preNorm, TransformerPooling pooling,
                                      boolean positional) {
        return new TransformerSpec(input, input == StepInput.TOKENS ? VOCABULARY : 0, shape(preNorm), pooling,
                positional, GRADIENT_CHECK);
    }

    static Seq2SeqSpec seq2seq(boolean preNorm) {
        return Seq2SeqSpec.builder().architecture(Seq2SeqArchitecture.TRANSFORMER)
                .sourceVocabularySize(ReversalTask.VOCABULARY).targetVocabularySize(ReversalTask.VOCABULARY)
                .modelDim(4).numHeads(2).ffDim(6).numLayers(1).preNorm(preNorm).updater(UpdaterKind.SGD)
                .learningRate(1.0).build();
    }

    /** The graph in double precision with Gaussian parameters (σ = 0.5), biases, gains and embeddings too. */
    static ComputationGraph randomDouble(ComputationGraph graph, Random random) {
        ComputationGraph converted = graph.convertDataType(DataType.DOUBLE);
        double[] values = new double[(int) converted.params().length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 * random.nextGaussian();
        }
        converted.params().assign(Nd4j.create(values).reshape(converted.params().shape()));
        return converted;
    }

    /** Random ids [batch, 1, steps] in [ReservedIds.COUNT, vocabulary). */
    static INDArray ids(Random random, int batch, int steps, int vocabulary, DataType dataType) {
        INDArray ids = Nd4j.zeros(dataType, batch, 1, steps);
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < steps; t++) {
                ids.putScalar(new long[] {e, 0, t}, 4 + random.nextInt(vocabulary - 4));
            }
        }
        return ids;
    }

    static INDArray gaussian(Random random, DataType dataType, long... shape) {
        INDArray x = Nd4j.zeros(dataType, shape);
        for (long i = 0; i < x.length(); i++) {
            x.putScalar(i, random.nextGaussian());
        }
        return x;
    }

    static INDArray oneHot(Random random, int batch, int classes, DataType dataType, long... steps) {
        INDArray y = steps.length == 0 ? Nd4j.zeros(dataType, batch, classes)
                : Nd4j.zeros(dataType, batch, classes, steps[0]);
        for (int e = 0; e < batch; e++) {
            if (steps.length == 0) {
                y.putScalar(e, random.nextInt(classes), 1.0);
            } else {
                for (int t = 0; t < steps[0]; t++) {
                    y.putScalar(new long[] {e, random.nextInt(classes), t}, 1.0);
                }
            }
        }
        return y;
    }
}
