package io.deepline.models.layers;

/**
 * The decoder of {@link AttentiveGruDecoder}'s documentation in plain Java doubles, one example and one step at a
 * time, written from the course's eqs. 32 and 36: the reference for the tests. The GRU step is {@link CourseGru}'s
 * with input [x_{t'}; c_{t'}].
 */
final class CourseAttentiveDecoder {
    private final CourseGru gru;
    private final DecoderContext context;

    CourseAttentiveDecoder(CourseGru gru, DecoderContext context) {
        this.gru = gru;
        this.context = context;
    }

    /**
     * Outputs [batch][T'][2n] = [s; c] (0 at masked decoder steps) for encoder states h [batch][T][n], decoder inputs
     * x [batch][T'][E] and masks [batch][T] and [batch][T'] (null = all real).
     */
    double[][][] run(double[][][] h, double[][] sourceMask, double[][][] x, double[][] targetMask) {
        double[][][] out = new double[x.length][][];
        for (int e = 0; e < x.length; e++) {
            int n = h[e][0].length;
            int last = -1;
            for (int t = 0; t < h[e].length; t++) {
                if (sourceMask == null || sourceMask[e][t] != 0) {
                    last = t;
                }
            }
            double[] s = last < 0 ? new double[n] : h[e][last].clone(); // s_0 = h at the last real step
            out[e] = new double[x[e].length][2 * n];
            for (int t = 0; t < x[e].length; t++) {
                if (targetMask != null && targetMask[e][t] == 0) {
                    continue; // s carries over, the output stays 0
                }
                double[] c = context == DecoderContext.ATTENTION ? attend(s, h[e], sourceMask == null ? null
                        : sourceMask[e]) : s0(h[e], last, n);
                double[] input = new double[x[e][t].length + n];
                System.arraycopy(x[e][t], 0, input, 0, x[e][t].length);
                System.arraycopy(c, 0, input, x[e][t].length, n);
                s = gru.step(input, s);
                System.arraycopy(s, 0, out[e][t], 0, n);
                System.arraycopy(c, 0, out[e][t], n, n);
            }
        }
        return out;
    }

    private static double[] s0(double[][] h, int last, int n) {
        return last < 0 ? new double[n] : h[last].clone();
    }

    /**
     * Eq. 36 with eq. 32's weights: α_t = exp(q·h_t/√n) / Σ_u exp(q·h_u/√n) over the real steps, c = Σ α_t h_t
     * (0 when there is no real step).
     */
    private static double[] attend(double[] query, double[][] h, double[] mask) {
        int n = query.length;
        double[] weights = new double[h.length];
        double total = 0;
        for (int t = 0; t < h.length; t++) {
            if (mask != null && mask[t] == 0) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < n; k++) {
                dot += query[k] * h[t][k];
            }
            weights[t] = Math.exp(dot / Math.sqrt(n));
            total += weights[t];
        }
        double[] c = new double[n];
        for (int t = 0; t < h.length; t++) {
            for (int k = 0; k < n; k++) {
                c[k] += total == 0 ? 0 : weights[t] / total * h[t][k]; // no real step: c = 0
            }
        }
        return c;
    }
}
