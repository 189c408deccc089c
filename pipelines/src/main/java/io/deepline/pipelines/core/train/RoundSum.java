package io.deepline.pipelines.core.train;

import java.io.Serializable;

/**
 * The running sum of what workers send back after a round: params, optimizer state, losses and counts.
 * A worker sends its floats as they are (half the bytes of doubles: a task result is the round's largest
 * transfer); sums of two or more are kept in double, so averaging many float workers loses nothing to float
 * round-off.
 *
 * <p>{@link #empty()} is the identity of {@link #merge}: a worker that had no batch left in a round sends
 * nothing, and so does not dilute the average. With a single contribution, {@link #averageParams()} returns
 * that worker's floats bit for bit (float → double → ÷1 → float is exact).
 */
public final class RoundSum implements Serializable {
    private static final long serialVersionUID = 1L;

    // One worker's contribution keeps its floats; merging turns them into double sums.
    private float[] workerParams;
    private float[] workerUpdaterState;
    private double[] params;
    private double[] updaterState;
    private int workers;
    private double lossSum;
    private double firstLossSum;
    private long batches;
    private long examples;
    private int maxBatchesPerWorker;
    private GradientSum gradient = GradientSum.NONE;

    private RoundSum() {
    }

    public static RoundSum empty() {
        return new RoundSum();
    }

    /**
     * One worker's contribution after fitting {@code batches} mini-batches.
     *
     * @param firstLoss the loss of its first mini-batch, which it scored with the round's starting params
     */
    public static RoundSum of(float[] params, float[] updaterState, double lossSum, double firstLoss, int batches,
                              long examples) {
        RoundSum s = new RoundSum();
        s.workerParams = params;
        s.workerUpdaterState = updaterState;
        s.workers = 1;
        s.lossSum = lossSum;
        s.firstLossSum = firstLoss;
        s.batches = batches;
        s.examples = examples;
        s.maxBatchesPerWorker = batches;
        return s;
    }

    /** This contribution with the worker's summed mini-batch gradients (mutates and returns this). */
    public RoundSum withGradient(GradientSum value) {
        gradient = value;
        return this;
    }

    /** The summed mini-batch gradients of the workers so far ({@link GradientSum#NONE} when not tracked). */
    GradientSum gradient() {
        return gradient;
    }

    /** Adds {@code other} into this sum (mutates and returns this, as Spark's aggregate allows). */
    public RoundSum merge(RoundSum other) {
        if (other.workers == 0) {
            return this;
        }
        if (workers == 0) {
            return other;
        }
        if (paramCount() != other.paramCount() || updaterStateCount() != other.updaterStateCount()) {
            throw new IllegalStateException("workers returned params of different sizes (" + paramCount() + " vs "
                    + other.paramCount() + "); they trained different configurations");
        }
        if (params == null) {
            params = toDoubles(workerParams);
            updaterState = toDoubles(workerUpdaterState);
            workerParams = null;
            workerUpdaterState = null;
        }
        other.addInto(params, updaterState);
        workers += other.workers;
        lossSum += other.lossSum;
        firstLossSum += other.firstLossSum;
        batches += other.batches;
        examples += other.examples;
        maxBatchesPerWorker = Math.max(maxBatchesPerWorker, other.maxBatchesPerWorker);
        gradient = gradient.plus(other.gradient);
        return this;
    }

    public int workers() {
        return workers;
    }

    public double lossSum() {
        return lossSum;
    }

    /** The mean loss of the round's starting params: over each worker's first mini-batch, before any update. */
    public double startLoss() {
        return workers == 0 ? Double.NaN : firstLossSum / workers;
    }

    public long batches() {
        return batches;
    }

    public long examples() {
        return examples;
    }

    /** The most mini-batches any one worker fitted: how far the iteration counter advances. */
    public int maxBatchesPerWorker() {
        return maxBatchesPerWorker;
    }

    /** Mean params over the workers that trained, with equal weights (as DL4J's parameter averaging). */
    public float[] averageParams() {
        return params == null ? copyOf(workerParams) : average(params);
    }

    /** Mean optimizer state over the workers that trained (the saveUpdater=true semantics). */
    public float[] averageUpdaterState() {
        return updaterState == null ? copyOf(workerUpdaterState) : average(updaterState);
    }

    private int paramCount() {
        return params == null ? workerParams.length : params.length;
    }

    private int updaterStateCount() {
        return updaterState == null ? workerUpdaterState.length : updaterState.length;
    }

    /** Adds this sum's params and optimizer state into the given double sums. */
    private void addInto(double[] paramSum, double[] updaterStateSum) {
        if (params == null) {
            addFloats(paramSum, workerParams);
            addFloats(updaterStateSum, workerUpdaterState);
        } else {
            addDoubles(paramSum, params);
            addDoubles(updaterStateSum, updaterState);
        }
    }

    private float[] copyOf(float[] values) {
        if (workers == 0) {
            throw new IllegalStateException("no worker trained in this round; there is nothing to average");
        }
        return values.clone();
    }

    private float[] average(double[] sum) {
        if (workers == 0) {
            throw new IllegalStateException("no worker trained in this round; there is nothing to average");
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / workers);
        }
        return mean;
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void addDoubles(double[] target, double[] addend) {
        for (int i = 0; i < target.length; i++) {
            target[i] += addend[i];
        }
    }

    private static void addFloats(double[] target, float[] addend) {
        for (int i = 0; i < target.length; i++) {
            target[i] += addend[i];
        }
    }
}
