package io.deepline.models.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How DL4J 1.0.0-M2.1's built-in {@link org.nd4j.linalg.learning.AdamUpdater} differs from the course's Adam
 * (§5.3), measured on the same gradients (α = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8, steps t = 1, 2, 3, double).
 *
 * <p>DL4J's native {@code adam_updater} (libnd4j {@code updaterAdam.cpp}) computes
 * {@code α·√(1−β2^t)/(1−β1^t) · V / (√S + ε)} with t = iteration + 1. That equals
 * {@code α·V̂ / (√Ŝ + ε/√(1−β2^t))}: the bias correction is right, but ε is not corrected, so DL4J's effective
 * ε is ε/√(1−β2^t) ≈ 31.6·ε at t = 1 (22.4·ε at t = 2, 18.3·ε at t = 3). This test checks that form to 1e-12
 * relative, and measures the gap to the course formula over 3 steps × 2000 values:
 * <ul>
 *   <li>gradients ~ N(0, 1): max |Δupdate| = 3.2e-7 = 0.03% of α (at t = 1, for the smallest |g|: the gap is
 *       ≈ α·30.6ε/|g|), median relative difference 2.6e-7 — negligible in practice;</li>
 *   <li>gradients ~ 1e-8·N(0, 1), the scale of ε: max |Δupdate| = 6.9e-4 = 0.69·α, median relative difference
 *       0.92 — the course's first step is ≈ α·|g|/(|g| + ε) ≈ α/2, DL4J's ≈ α·|g|/(|g| + 31.6ε) ≈ α/33.</li>
 * </ul>
 * So DL4J's Adam is not a drop-in for the course's; {@link SeedAdam} is.
 */
class Dl4jAdamDifferenceTest {
    private static final double ALPHA = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private static final int N = 2000;

    @Test
    void dl4jAddsAnUncorrectedEpsilon() {
        double[][] grads = gradients(1.0, 1);
        double[][] dl4j = updates(new Adam(ALPHA, BETA1, BETA2, EPS), grads);
        double[] v = new double[N];
        double[] s = new double[N];
        for (int t = 1; t <= 3; t++) {
            double[] g = grads[t - 1];
            for (int i = 0; i < N; i++) {
                v[i] = BETA1 * v[i] + (1 - BETA1) * g[i];
                s[i] = BETA2 * s[i] + (1 - BETA2) * g[i] * g[i];
                double vHat = v[i] / (1 - Math.pow(BETA1, t));
                double sHat = s[i] / (1 - Math.pow(BETA2, t));
                double dl4jForm = ALPHA * vHat / (Math.sqrt(sHat) + EPS / Math.sqrt(1 - Math.pow(BETA2, t)));
                assertEquals(dl4jForm, dl4j[t - 1][i], 1e-12 * Math.abs(dl4jForm), "t=" + t + " i=" + i);
            }
        }
    }

    @Test
    void unitScaleGradientsDifferByUpToAThousandthOfAStep() {
        Gap gap = measure(gradients(1.0, 2));
        System.out.println("DL4J Adam vs course Adam, gradients ~ N(0,1): " + gap);
        assertTrue(gap.maxAbs > 1e-7 && gap.maxAbs < 1e-6, gap.toString());
        assertTrue(gap.medianRelative > 1e-7 && gap.medianRelative < 1e-6, gap.toString());
    }

    @Test
    void epsilonScaleGradientsGetMuchSmallerStepsFromDl4j() {
        Gap gap = measure(gradients(1e-8, 3));
        System.out.println("DL4J Adam vs course Adam, gradients ~ 1e-8·N(0,1): " + gap);
        assertTrue(gap.maxAbs > 0.5 * ALPHA && gap.maxAbs < ALPHA, gap.toString());
        assertTrue(gap.medianRelative > 0.85 && gap.medianRelative < 1, gap.toString());
    }

    /** Largest |DL4J − course| update, and the median of |DL4J − course| / |course|, over all steps and values. */
    private record Gap(double maxAbs, double medianRelative) {
        @Override
        public String toString() {
            return String.format("max |Δupdate| = %.3e (α = %.0e), median |Δ|/|course| = %.3e", maxAbs, ALPHA,
                    medianRelative);
        }
    }

    private static Gap measure(double[][] grads) {
        double[][] dl4j = updates(new Adam(ALPHA, BETA1, BETA2, EPS), grads);
        double[][] course = updates(new SeedAdam(ALPHA, BETA1, BETA2, EPS), grads);
        double[][] formula = courseUpdates(grads);
        double maxAbs = 0;
        double[] relative = new double[grads.length * N];
        for (int t = 0; t < grads.length; t++) {
            assertTrue(CourseFormulas.maxAbsDiff(formula[t], course[t]) < 1e-15, "SeedAdam is the course formula");
            for (int i = 0; i < N; i++) {
                double abs = Math.abs(dl4j[t][i] - course[t][i]);
                maxAbs = Math.max(maxAbs, abs);
                relative[t * N + i] = abs / Math.abs(course[t][i]);
            }
        }
        Arrays.sort(relative);
        return new Gap(maxAbs, relative[relative.length / 2]);
    }

    /** The updates the updater produces for each gradient, applied in order from a zero state. */
    private static double[][] updates(IUpdater config, double[][] grads) {
        GradientUpdater<?> u = config.instantiate(Nd4j.create(DataType.DOUBLE, 1, config.stateSize(N)), true);
        double[][] out = new double[grads.length][];
        for (int step = 0; step < grads.length; step++) {
            INDArray g = Nd4j.createFromArray(grads[step]).reshape(1, N);
            u.applyUpdater(g, step, 0);
            out[step] = g.toDoubleVector();
        }
        return out;
    }

    private static double[][] courseUpdates(double[][] grads) {
        double[] w = new double[N];
        double[] v = new double[N];
        double[] s = new double[N];
        double[][] out = new double[grads.length][];
        for (int step = 0; step < grads.length; step++) {
            double[] before = w.clone();
            CourseFormulas.adamStep(w, v, s, grads[step], step + 1, ALPHA, BETA1, BETA2, EPS);
            out[step] = new double[N];
            for (int i = 0; i < N; i++) {
                out[step][i] = before[i] - w[i];
            }
        }
        return out;
    }

    private static double[][] gradients(double scale, long seed) {
        Random random = new Random(seed);
        double[][] g = new double[3][N];
        for (double[] row : g) {
            for (int i = 0; i < N; i++) {
                row[i] = scale * random.nextGaussian();
            }
        }
        return g;
    }
}
