package io.deepline.pipelines.core.train;

import java.io.Serializable;

/**
 * The validation rows' summed weighted loss and metric terms, merged across partitions by {@code treeAggregate}.
 */
final class ValidationSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private double lossSum;
    private double metricSum;
    private double weightSum;
    private long rows;
    private int numOutputs;

    static ValidationSum empty() {
        return new ValidationSum();
    }

    ValidationSum add(double batchLossSum, double batchMetricSum, double batchWeightSum, long batchRows,
                      int outputs) {
        lossSum += batchLossSum;
        metricSum += batchMetricSum;
        weightSum += batchWeightSum;
        rows += batchRows;
        numOutputs = outputs;
        return this;
    }

    ValidationSum merge(ValidationSum other) {
        lossSum += other.lossSum;
        metricSum += other.metricSum;
        weightSum += other.weightSum;
        rows += other.rows;
        numOutputs = Math.max(numOutputs, other.numOutputs);
        return this;
    }

    long rows() {
        return rows;
    }

    /** Weighted mean loss Σ w_i·L_i / Σ w_i; NaN when no weight was seen. */
    double loss() {
        return weightSum > 0 ? lossSum / weightSum : Double.NaN;
    }

    double metric(ValidationMetric metric) {
        return weightSum > 0 ? metric.finish(metricSum, weightSum, numOutputs) : Double.NaN;
    }
}
