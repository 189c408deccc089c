package io.deepline.models.spec;

import java.util.Random;

/** The course's BatchNorm (§4.5.4) in plain Java: per-feature statistics over the rows of A. */
final class CourseBatchNorm {
    private CourseBatchNorm() {
    }

    /** Training mode: normalise with this batch's mean and variance (1/B, or 1/(B−1) when {@code unbiased}). */
    static double[][] training(double[][] a, double[] gamma, double[] beta, double eps, boolean unbiased) {
        return withStatistics(a, mean(a), variance(a, unbiased), gamma, beta, eps);
    }

    /** ã_{n,d} = β_d + γ_d·(a_{n,d} − mean_d)/√(var_d + ε). */
    static double[][] withStatistics(double[][] a, double[] mean, double[] variance, double[] gamma, double[] beta,
                                     double eps) {
        double[][] out = new double[a.length][mean.length];
        for (int n = 0; n < a.length; n++) {
            for (int d = 0; d < mean.length; d++) {
                out[n][d] = beta[d] + gamma[d] * (a[n][d] - mean[d]) / Math.sqrt(variance[d] + eps);
            }
        }
        return out;
    }

    static double[] mean(double[][] a) {
        double[] mean = new double[a[0].length];
        for (double[] row : a) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += row[d] / a.length;
            }
        }
        return mean;
    }

    static double[] variance(double[][] a, boolean unbiased) {
        double[] mean = mean(a);
        double[] variance = new double[mean.length];
        for (double[] row : a) {
            for (int d = 0; d < mean.length; d++) {
                variance[d] += (row[d] - mean[d]) * (row[d] - mean[d]);
            }
        }
        for (int d = 0; d < mean.length; d++) {
            variance[d] /= unbiased ? a.length - 1 : a.length;
        }
        return variance;
    }

    /** DL4J's stored running statistic log10(σ) back to σ². */
    static double[] varianceFromLog10Std(double[] log10Std) {
        double[] variance = new double[log10Std.length];
        for (int d = 0; d < variance.length; d++) {
            double sigma = Math.pow(10, log10Std[d]);
            variance[d] = sigma * sigma;
        }
        return variance;
    }

    static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int n = 0; n < a.length; n++) {
            for (int d = 0; d < a[n].length; d++) {
                max = Math.max(max, Math.abs(a[n][d] - b[n][d]));
            }
        }
        return max;
    }

    static double[] random(Random random, int size, double centre, double spread) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = centre + spread * random.nextGaussian();
        }
        return values;
    }
}
