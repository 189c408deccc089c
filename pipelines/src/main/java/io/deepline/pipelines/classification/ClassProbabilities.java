package io.deepline.pipelines.classification;

/**
 * The conversions between the softmax output and MLlib's classifier columns, shared by batch scoring and
 * single-row {@code predict}, so both give the same answer.
 *
 * <p>{@code rawPrediction} holds log-probabilities: the logits up to a per-row constant, so
 * {@code softmax(rawPrediction) == probability} and the argmax is the same.
 */
public final class ClassProbabilities {
    /** Floor for log(0): a float softmax can underflow to exactly 0. */
    static final double MIN_LOG = Math.log(Double.MIN_NORMAL);

    private ClassProbabilities() {
    }

    /**
     * Class probabilities from the network's output: a softmax over K units, or one sigmoid unit p(class 1)
     * that becomes [1 − p, p]. Rescaled to sum exactly 1 in double (a float softmax sums to 1 only within ~1e-7).
     */
    public static double[] fromNetworkOutput(float[] output) {
        if (output.length == 1) {
            return new double[] {1.0 - output[0], output[0]};
        }
        double[] p = new double[output.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = output[k];
        }
        return normalized(p);
    }

    public static double[] toRaw(double[] probability) {
        double[] raw = new double[probability.length];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = probability[k] > 0 ? Math.max(MIN_LOG, Math.log(probability[k])) : MIN_LOG;
        }
        return raw;
    }

    private static double[] normalized(double[] probability) {
        double sum = 0;
        for (double v : probability) {
            sum += v;
        }
        double[] out = new double[probability.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = probability[k] / sum;
        }
        return out;
    }

    /** Softmax in place, stabilised by the max. */
    public static void softmaxInPlace(double[] raw) {
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
     * argmax of p_k.
     */
    public static double predict(double[] probability, double[] thresholds) {
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
