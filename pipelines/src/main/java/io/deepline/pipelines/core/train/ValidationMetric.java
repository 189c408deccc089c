package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.data.MiniBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The metric a fit reports on its validation rows after each epoch, next to the validation loss. Both are
 * weighted by the row weights when there are any.
 */
public enum ValidationMetric {
    /** Share of rows whose predicted class is the true one (argmax, or p ≥ 0.5 for one sigmoid unit). */
    ACCURACY("accuracy") {
        @Override
        double contribution(INDArray output, INDArray labels, MiniBatch batch) {
            double sum = 0;
            for (int i = 0; i < batch.rows(); i++) {
                boolean right = output.columns() == 1
                        ? (output.getDouble(i, 0) >= 0.5) == (labels.getDouble(i, 0) >= 0.5)
                        : argmax(output, i) == argmax(labels, i);
                sum += right ? batch.weight(i) : 0;
            }
            return sum;
        }

        @Override
        double finish(double sum, double weightSum, int numOutputs) {
            return sum / weightSum;
        }
    },
    /** Root mean squared error over all outputs (course §3.1.2). */
    RMSE("rmse") {
        @Override
        double contribution(INDArray output, INDArray labels, MiniBatch batch) {
            double sum = 0;
            for (int i = 0; i < batch.rows(); i++) {
                double squares = 0;
                // Over the labels' columns: a heteroskedastic Gaussian's output has a log σ unit after its mean.
                for (int j = 0; j < labels.columns(); j++) {
                    double e = output.getDouble(i, j) - labels.getDouble(i, j);
                    squares += e * e;
                }
                sum += batch.weight(i) * squares;
            }
            return sum;
        }

        @Override
        double finish(double sum, double weightSum, int numOutputs) {
            return Math.sqrt(sum / (weightSum * numOutputs));
        }
    };

    private final String metricName;

    ValidationMetric(String metricName) {
        this.metricName = metricName;
    }

    /** The name recorded in the training history ("accuracy", "rmse"). */
    public String metricName() {
        return metricName;
    }

    /** This batch's weighted sum of the metric's per-row terms. */
    abstract double contribution(INDArray output, INDArray labels, MiniBatch batch);

    /** The metric from the summed terms over all validation rows. */
    abstract double finish(double sum, double weightSum, int numOutputs);

    private static int argmax(INDArray rows, int i) {
        int best = 0;
        for (int j = 1; j < rows.columns(); j++) {
            if (rows.getDouble(i, j) > rows.getDouble(i, best)) {
                best = j;
            }
        }
        return best;
    }
}
