package io.deepline.models.spec;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tiny {@link MlpSpec} networks and data for gradient checks (double precision, plain SGD with rate 1). */
final class MlpNetworks {
    private MlpNetworks() {
    }

    /** Two hidden layers of different widths, no dropout, SGD with rate 1 as DL4J's gradient checks require. */
    static MlpSpec gradientCheckSpec(HiddenActivation activation) {
        return MlpSpec.builder().hiddenLayers(4, 3).activation(activation).leakyReluSlope(0.2).dropout(0)
                .updater(UpdaterKind.SGD).learningRate(1.0).seed(17).build();
    }

    static INDArray gaussian(Random random, int rows, int columns) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                x.putScalar(i, j, random.nextGaussian());
            }
        }
        return x;
    }

    static INDArray oneHot(Random random, int rows, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, random.nextInt(classes), 1.0);
        }
        return y;
    }

    /** Labels a head of {@code head}'s family could see: classes, 0/1, counts or reals. */
    static INDArray labels(OutputHead head, Random random, int rows) {
        return switch (head.family()) {
            case CATEGORICAL -> oneHot(random, rows, head.size());
            case BERNOULLI -> oneHot(random, rows, 2).getColumn(1, true).dup();
            case POISSON -> {
                INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, head.size());
                for (long i = 0; i < y.length(); i++) {
                    y.putScalar(i, random.nextInt(4));
                }
                yield y;
            }
            case GAUSSIAN -> gaussian(random, rows, head.size());
            case GAUSSIAN_HETEROSKEDASTIC -> gaussian(random, rows, 1);
        };
    }

    /** Every parameter replaced by a draw from N(0, 0.5²), so no gradient is the trivial one of an initial value. */
    static void randomise(INDArray params, Random random) {
        double[] values = new double[(int) params.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5 * random.nextGaussian();
        }
        params.assign(Nd4j.create(values).reshape(params.shape()));
    }
}
