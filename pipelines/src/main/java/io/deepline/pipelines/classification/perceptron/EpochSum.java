package io.deepline.pipelines.classification.perceptron;

import java.io.Serializable;

/**
 * The running sum of what workers send back after an epoch: their weights, mistakes and rows.
 *
 * <p>{@link #empty()} is the identity of {@link #merge}: a partition without rows sends it, and so does not pull
 * the average towards its unchanged weights. {@link #average()} is uniform mixing (McDonald et al. 2010,
 * mixing coefficients 1/k over the k workers that had rows); with one worker it returns that worker's weights
 * bit for bit (x / 1 is exact).
 */
final class EpochSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private double[] weightSum;
    private double interceptSum;
    private int workers;
    private long mistakes;
    private long rows;

    private EpochSum() {
    }

    static EpochSum empty() {
        return new EpochSum();
    }

    /** One worker's contribution: its weights after one pass over {@code rows} rows with {@code mistakes} updates. */
    static EpochSum of(PerceptronWeights weights, long mistakes, long rows) {
        EpochSum s = new EpochSum();
        s.weightSum = weights.w().clone();
        s.interceptSum = weights.b();
        s.workers = 1;
        s.mistakes = mistakes;
        s.rows = rows;
        return s;
    }

    /** Adds {@code other} into this sum (mutates and returns this, as Spark's aggregate allows). */
    EpochSum merge(EpochSum other) {
        if (other.workers == 0) {
            return this;
        }
        if (workers == 0) {
            return other;
        }
        if (weightSum.length != other.weightSum.length) {
            throw new IllegalStateException("workers returned weights of different sizes (" + weightSum.length
                    + " vs " + other.weightSum.length + ")");
        }
        for (int j = 0; j < weightSum.length; j++) {
            weightSum[j] += other.weightSum[j];
        }
        interceptSum += other.interceptSum;
        workers += other.workers;
        mistakes += other.mistakes;
        rows += other.rows;
        return this;
    }

    int workers() {
        return workers;
    }

    /** Mistakes (updates) made by all workers in the epoch. */
    long mistakes() {
        return mistakes;
    }

    long rows() {
        return rows;
    }

    /** The mixed weights: the mean of {@code w} and of {@code b} over the workers that had rows. */
    PerceptronWeights average() {
        if (workers == 0) {
            throw new IllegalStateException("no worker had rows in this epoch; there is nothing to average");
        }
        double[] w = new double[weightSum.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = weightSum[j] / workers;
        }
        return new PerceptronWeights(w, interceptSum / workers);
    }
}
