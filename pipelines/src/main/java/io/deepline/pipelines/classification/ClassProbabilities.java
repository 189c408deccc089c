package io.deepline.pipelines.classification;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * The conversions between the network's output and MLlib's classifier columns, shared by batch scoring and
 * single-row {@code predictRaw}/{@code predictProbability}/{@code predict}, so both give the same answer to the last
 * bit (MLlib's transformer tests compare them exactly).
 *
 * <p>{@code rawPrediction} holds log-probabilities: the logits up to a per-row constant. {@code probability} is
 * always computed from it, as {@code softmax(rawPrediction)}, because that is what MLlib's single-row
 * {@code predictProbability} does ({@code raw2probabilityInPlace(predictRaw(features))}); normalising the network
 * output instead gives the same numbers only up to rounding.
 */
public final class ClassProbabilities {
    /** Floor for log(0): a float softmax can underflow to exactly 0. */
    static final double MIN_LOG = Math.log(Double.MIN_NORMAL);

    private ClassProbabilities() {
    }

    /**
     * {@code rawPrediction} from the network's output: a softmax over K units, or one sigmoid unit p(class 1) that
     * becomes [1 − p, p]; the log of each probability, floored at {@link #MIN_LOG}.
     */
    public static double[] raw(float[] output) {
        double[] p = probabilitiesOf(output);
        double[] raw = new double[p.length];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = p[k] > 0 ? Math.max(MIN_LOG, Math.log(p[k])) : MIN_LOG;
        }
        return raw;
    }

    /** {@code probability} from {@code rawPrediction}, in a new array: what {@link #raw2probabilityInPlace} gives. */
    public static double[] probability(double[] raw) {
        double[] probability = raw.clone();
        softmaxInPlace(probability);
        return probability;
    }

    /** MLlib's {@code raw2probabilityInPlace}: the softmax of the log-probabilities, in place. */
    public static Vector raw2probabilityInPlace(Vector rawPrediction) {
        if (rawPrediction instanceof DenseVector dense) {
            softmaxInPlace(dense.values());
            return dense;
        }
        throw new IllegalArgumentException("rawPrediction must be a dense vector, got " + rawPrediction.getClass());
    }

    /**
     * {@code prediction} as MLlib's single-row {@code predict} makes it: the argmax of {@code rawPrediction}, or,
     * when thresholds are set, {@link #predict} on the probabilities.
     */
    public static double prediction(double[] raw, double[] probability, double[] thresholds) {
        return thresholds == null ? predict(raw, null) : predict(probability, thresholds);
    }

    /** The network output as probabilities summing to 1 in double (a float softmax sums to 1 only within ~1e-7). */
    private static double[] probabilitiesOf(float[] output) {
        if (output.length == 1) {
            return new double[] {1.0 - output[0], output[0]};
        }
        double sum = 0;
        for (float v : output) {
            sum += v;
        }
        double[] p = new double[output.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = output[k] / sum;
        }
        return p;
    }

    /** Softmax in place, stabilised by the max. */
    private static void softmaxInPlace(double[] raw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < raw.length; k++) {
            raw[k] = Math.exp(raw[k] - max);
            sum += raw[k];
        }
        for (int k = 0; k < raw.length; k++) {
            raw[k] /= sum;
        }
    }

    /**
     * MLlib's rule: the argmax of p_k / t_k when thresholds are set (a zero threshold wins outright), else the
     * argmax of p_k (the first of equal maxima, as {@code Vector.argmax}).
     */
    private static double predict(double[] probability, double[] thresholds) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < probability.length; k++) {
            double score = thresholds == null ? probability[k]
                    : thresholds[k] == 0.0 ? Double.POSITIVE_INFINITY : probability[k] / thresholds[k];
            if (score > bestScore) {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }
}
