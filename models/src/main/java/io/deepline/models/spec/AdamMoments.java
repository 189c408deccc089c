package io.deepline.models.spec;

import io.deepline.models.optim.SeedAdam;

/**
 * Adam's moment decays and ε (course §5.3): V ← β1·V + (1−β1)·g, S ← β2·S + (1−β2)·g², step α·V̂ / (√Ŝ + ε)
 * with bias-corrected V̂, Ŝ. Only the Adam updater reads them; the other updaters ignore them. Validated on
 * construction.
 *
 * @param beta1   decay of the first moment V, in [0, 1)
 * @param beta2   decay of the second moment S, in [0, 1)
 * @param epsilon added to √Ŝ, finite and &gt; 0
 */
public record AdamMoments(double beta1, double beta2, double epsilon) {
    /** β1 = 0.9, β2 = 0.999, ε = 1e-8: Kingma and Ba's values, used by every network before these were Params. */
    public static final AdamMoments DEFAULT = new AdamMoments(SeedAdam.DEFAULT_BETA1, SeedAdam.DEFAULT_BETA2,
            SeedAdam.DEFAULT_EPSILON);

    public AdamMoments {
        requireDecay("adamBeta1", beta1);
        requireDecay("adamBeta2", beta2);
        if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("adamEpsilon is " + epsilon + "; it must be a finite number > 0,"
                    + " e.g. 1e-8");
        }
    }

    private static void requireDecay(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " is " + value + "; an Adam decay rate must be in [0, 1),"
                    + " e.g. " + (name.endsWith("1") ? "0.9" : "0.999"));
        }
    }
}
