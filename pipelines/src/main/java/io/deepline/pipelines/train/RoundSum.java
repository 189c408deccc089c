package io.deepline.pipelines.train;

import java.io.Serializable;

/**
 * The running sum of what workers send back after a round: params, optimizer state, losses and counts.
 * Sums are kept in double, so averaging many float workers loses nothing to float round-off.
 *
 * <p>{@link #empty()} is the identity of {@link #merge}: a worker that had no batch left in a round sends
 * nothing, and so does not dilute the average. With a single contribution, {@link #averageParams()} returns
 * that worker's floats bit for bit (float → double → ÷1 → float is exact).
 */
public final class RoundSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private double[] params;
    private double[] updaterState;
    private int workers;
    private double lossSum;
    private long batches;
    private long examples;
    private int maxBatchesPerWorker;

    private RoundSum() {
    }

    public static RoundSum empty() {
        return new RoundSum();
    }

    /** One worker's contribution after fitting {@code batches} mini-batches. */
    public static RoundSum of(float[] params, float[] updaterState, double lossSum, int batches, long examples) {
        RoundSum s = new RoundSum();
        s.params = toDoubles(params);
        s.updaterState = toDoubles(updaterState);
        s.workers = 1;
        s.lossSum = lossSum;
        s.batches = batches;
        s.examples = examples;
        s.maxBatchesPerWorker = batches;
        return s;
    }

    /** Adds {@code other} into this sum (mutates and returns this, as Spark's aggregate allows). */
    public RoundSum merge(RoundSum other) {
        if (other.workers == 0) {
            return this;
        }
        if (workers == 0) {
            return other;
        }
        if (params.length != other.params.length || updaterState.length != other.updaterState.length) {
            throw new IllegalStateException("workers returned params of different sizes (" + params.length + " vs "
                    + other.params.length + "); they trained different configurations");
        }
        addInto(params, other.params);
        addInto(updaterState, other.updaterState);
        workers += other.workers;
        lossSum += other.lossSum;
        batches += other.batches;
        examples += other.examples;
        maxBatchesPerWorker = Math.max(maxBatchesPerWorker, other.maxBatchesPerWorker);
        return this;
    }

    public int workers() {
        return workers;
    }

    public double lossSum() {
        return lossSum;
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
        return average(params);
    }

    /** Mean optimizer state over the workers that trained (the saveUpdater=true semantics). */
    public float[] averageUpdaterState() {
        return average(updaterState);
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

    private static void addInto(double[] target, double[] addend) {
        for (int i = 0; i < target.length; i++) {
            target[i] += addend[i];
        }
    }
}
