package io.deepline.models.optim;

/**
 * The course's optimizer formulas in plain Java doubles, element by element, independent of ND4J: the reference
 * the updaters are tested against. Each step updates {@code w} and the state arrays in place.
 */
final class CourseFormulas {
    private CourseFormulas() {
    }

    /** §5.2: V ← β·V + g; W ← W − α·V. */
    static void heavyBallStep(double[] w, double[] v, double[] g, double alpha, double beta) {
        for (int i = 0; i < w.length; i++) {
            v[i] = beta * v[i] + g[i];
            w[i] -= alpha * v[i];
        }
    }

    /** §5.3 for update number {@code t} (1 for the first): W ← W − α/(√Ŝ + ε) ⊙ V̂. */
    static void adamStep(double[] w, double[] v, double[] s, double[] g, int t,
                         double alpha, double beta1, double beta2, double eps) {
        for (int i = 0; i < w.length; i++) {
            v[i] = beta1 * v[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            double vHat = v[i] / (1 - Math.pow(beta1, t));
            double sHat = s[i] / (1 - Math.pow(beta2, t));
            w[i] -= alpha / (Math.sqrt(sHat) + eps) * vHat;
        }
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
