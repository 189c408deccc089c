package io.deepline.models.layers;

import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GRU of {@link Gru}'s documentation in plain Java doubles, one example, one time step and one unit at a time:
 * the reference for the tests. Weights are read as W[i][g·n + j] (input i to unit j of gate block g, blocks z, r, h̃).
 */
final class CourseGru {
    private final double[][] w;
    private final double[][] u;
    private final double[] b;
    private final int n;

    CourseGru(double[][] w, double[][] u, double[] b) {
        this.w = w;
        this.u = u;
        this.b = b;
        this.n = b.length / 3;
    }

    /** The GRU of layer {@code prefix} ("0", or a graph vertex name) of a network, by its parameter keys. */
    static CourseGru of(Model net, String prefix) {
        return new CourseGru(net.getParam(prefix + "_W").toDoubleMatrix(), net.getParam(prefix + "_RW").toDoubleMatrix(),
                net.getParam(prefix + "_b").toDoubleVector());
    }

    /**
     * Outputs [batch][T][n] for inputs x [batch][T][nIn] and a mask [batch][T] (null = all real): a padded step keeps
     * h and outputs zeros. {@code finalState}, when not null, receives h after the last step of each example.
     */
    double[][][] run(double[][][] x, double[][] mask, double[][] finalState) {
        double[][][] out = new double[x.length][][];
        for (int e = 0; e < x.length; e++) {
            double[] h = new double[n];
            out[e] = new double[x[e].length][n];
            for (int t = 0; t < x[e].length; t++) {
                if (mask != null && mask[e][t] == 0.0) {
                    continue; // h carries over, the output stays 0
                }
                h = step(x[e][t], h);
                out[e][t] = h.clone();
            }
            if (finalState != null) {
                finalState[e] = h;
            }
        }
        return out;
    }

    /** h_t from x_t and h_{t−1}: z, r, candidate, then h = z·h_{t−1} + (1 − z)·candidate. */
    double[] step(double[] x, double[] hPrev) {
        double[] z = new double[n];
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = sigmoid(affine(x, hPrev, 0, j));
            r[j] = sigmoid(affine(x, hPrev, 1, j));
        }
        double[] resetH = new double[n];
        for (int k = 0; k < n; k++) {
            resetH[k] = r[k] * hPrev[k];
        }
        double[] h = new double[n];
        for (int j = 0; j < n; j++) {
            double candidate = Math.tanh(affine(x, resetH, 2, j));
            h[j] = z[j] * hPrev[j] + (1 - z[j]) * candidate;
        }
        return h;
    }

    /** x·W[:, g·n + j] + state·U[:, g·n + j] + b[g·n + j]. */
    private double affine(double[] x, double[] state, int gate, int j) {
        int col = gate * n + j;
        double a = b[col];
        for (int i = 0; i < x.length; i++) {
            a += x[i] * w[i][col];
        }
        for (int k = 0; k < n; k++) {
            a += state[k] * u[k][col];
        }
        return a;
    }

    private static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }

    /** Gaussian inputs [batch][T][nIn]. */
    static double[][][] randomSequences(Random random, int batch, int steps, int nIn) {
        double[][][] x = new double[batch][steps][nIn];
        for (double[][] example : x) {
            for (double[] step : example) {
                for (int i = 0; i < nIn; i++) {
                    step[i] = random.nextGaussian();
                }
            }
        }
        return x;
    }

    /** [batch][T][features] → NCW INDArray [batch, features, T] of the given type. */
    static INDArray ncw(double[][][] x, DataType type) {
        int batch = x.length;
        int steps = x[0].length;
        int features = x[0][0].length;
        INDArray a = Nd4j.create(type, batch, features, steps);
        for (int e = 0; e < batch; e++) {
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    a.putScalar(new long[] {e, f, t}, x[e][t][f]);
                }
            }
        }
        return a;
    }

    /** NCW [batch, features, T] → [batch][T][features]. */
    static double[][][] fromNcw(INDArray a) {
        double[][][] x = new double[(int) a.size(0)][(int) a.size(2)][(int) a.size(1)];
        for (int e = 0; e < x.length; e++) {
            for (int t = 0; t < x[e].length; t++) {
                for (int f = 0; f < x[e][t].length; f++) {
                    x[e][t][f] = a.getDouble(e, f, t);
                }
            }
        }
        return x;
    }

    /** A [batch][T] mask with 1 for the first lengths[e] steps of example e and 0 after. */
    static double[][] prefixMask(int steps, int... lengths) {
        double[][] mask = new double[lengths.length][steps];
        for (int e = 0; e < lengths.length; e++) {
            for (int t = 0; t < lengths[e]; t++) {
                mask[e][t] = 1.0;
            }
        }
        return mask;
    }

    static double maxAbsDiff(double[][][] a, double[][][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < a[i].length; t++) {
                for (int j = 0; j < a[i][t].length; j++) {
                    max = Math.max(max, Math.abs(a[i][t][j] - b[i][t][j]));
                }
            }
        }
        return max;
    }
}
