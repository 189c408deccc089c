package io.deepline.models.layers;

import java.util.Random;

/** The course's §4.5.4 layer normalisation in plain Java doubles, row by row: the reference for the tests. */
final class CourseLayerNorm {
    private CourseLayerNorm() {
    }

    /** β_d + γ_d·(a_{n,d} − mean_n)/√(var_n + ε), population variance over the row's D values. */
    static double[][] apply(double[][] a, double[] gamma, double[] beta, double eps) {
        double[][] out = new double[a.length][];
        for (int n = 0; n < a.length; n++) {
            int d = a[n].length;
            double mean = 0;
            for (double x : a[n]) {
                mean += x;
            }
            mean /= d;
            double var = 0;
            for (double x : a[n]) {
                var += (x - mean) * (x - mean);
            }
            var /= d;
            out[n] = new double[d];
            for (int j = 0; j < d; j++) {
                out[n][j] = beta[j] + gamma[j] * (a[n][j] - mean) / Math.sqrt(var + eps);
            }
        }
        return out;
    }

    /** Rows with their own offset and spread, so normalisation has something to remove. */
    static double[][] randomRows(Random random, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            double offset = 10 * random.nextGaussian();
            double scale = Math.exp(2 * random.nextGaussian());
            for (int j = 0; j < cols; j++) {
                row[j] = offset + scale * random.nextGaussian();
            }
        }
        return a;
    }

    static double[] random(Random random, int n, double centre, double spread) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre + spread * random.nextGaussian();
        }
        return v;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
