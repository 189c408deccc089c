package io.deepline.jobs.config;

/**
 * The {@code preprocess.polynomial:} entry: every monomial of the features up to {@code degree} (MLlib's
 * {@code PolynomialExpansion}), so a linear model such as a GLM can fit curves (course §2, Fig. 3).
 *
 * @param degree the highest total power, 1 (the features as they are) to {@link #MAX_DEGREE}
 */
public record PolynomialFeatures(Integer degree) {

    /**
     * The largest degree accepted. The expansion of n features has C(n + d, d) - 1 columns, which grows as n^d / d!;
     * beyond 10 even a handful of features yields tens of thousands of columns, and the powers of a value above 1
     * overflow a network's initial scale long before that.
     */
    public static final int MAX_DEGREE = 10;

    public PolynomialFeatures {
        Checks.required("degree", degree, "degree: 3");
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new JobConfigException("degree", "is " + degree + "; it must be between 1 and " + MAX_DEGREE,
                    "e.g. degree: 3 (1 keeps the features as they are)");
        }
    }
}
