package io.deepline.pipelines.core.train;

import java.io.Serializable;

/**
 * Per-batch mean gradients summed over mini-batches, and how many: what workers send for {@code gradientNormStop} and
 * {@code gradientDiagnostics}.
 * {@link #NONE} is the identity of {@link #plus} (a fit that does not track gradients, or a worker without batches).
 *
 * @param sum     the sum of the batches' mean-loss gradients, flattened as the network's params; null for none
 * @param batches mini-batches in the sum
 */
record GradientSum(double[] sum, long batches) implements Serializable {
    static final GradientSum NONE = new GradientSum(null, 0);

    /** What {@code probe} summed; {@link #NONE} without a probe. */
    static GradientSum of(GradientProbe probe) {
        return probe == null || probe.sum() == null ? NONE : new GradientSum(probe.sum(), probe.batches());
    }

    /** The sum of both (a new array: neither operand changes). */
    GradientSum plus(GradientSum other) {
        if (other.sum == null) {
            return this;
        }
        if (sum == null) {
            return other;
        }
        if (sum.length != other.sum.length) {
            throw new IllegalStateException("workers returned gradients of different sizes (" + sum.length + " vs "
                    + other.sum.length + "); they trained different configurations");
        }
        double[] total = sum.clone();
        for (int i = 0; i < total.length; i++) {
            total[i] += other.sum[i];
        }
        return new GradientSum(total, batches + other.batches);
    }

    /** The mean gradient over the summed mini-batches, flattened as the network's params; null for none. */
    double[] mean() {
        if (sum == null || batches == 0) {
            return null;
        }
        double[] mean = new double[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = sum[i] / batches;
        }
        return mean;
    }

    /**
     * The L2 norm of the mean gradient over the summed mini-batches: the epoch's gradient norm (course §1.6's
     * stopping criterion ‖∇J‖ &lt; ε, with the full gradient estimated over the epoch); NaN for none.
     */
    double meanNorm() {
        if (sum == null || batches == 0) {
            return Double.NaN;
        }
        double squares = 0;
        for (double v : sum) {
            double mean = v / batches;
            squares += mean * mean;
        }
        return Math.sqrt(squares);
    }
}
