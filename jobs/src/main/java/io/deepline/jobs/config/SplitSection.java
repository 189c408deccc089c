package io.deepline.jobs.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Optional {@code split:} section: the random train/test split. Defaults to 0.8/0.2 with seed 42.
 *
 * @param train fraction of rows to train on, in (0, 1)
 * @param test  fraction of rows to evaluate on, in (0, 1); {@code train + test} must be 1
 * @param seed  seed of the split, so a re-run sees the same rows
 */
public record SplitSection(Double train, Double test, Long seed) {

    /** The split used when the job file has none. */
    public static final SplitSection DEFAULT = new SplitSection(0.8, 0.2, 42L);

    /** How far from 1 the fractions may sum, to forgive decimal round-off such as 0.7 + 0.3. */
    public static final double SUM_TOLERANCE = 1e-9;

    public SplitSection {
        train = fraction("train", train);
        test = fraction("test", test);
        seed = seed == null ? 42L : seed;
        if (Math.abs(train + test - 1.0) > SUM_TOLERANCE) {
            // Round the sum for display: 0.7 + 0.2 should read 0.9, not 0.8999999999999999.
            String sum = BigDecimal.valueOf(train + test).round(new MathContext(10)).stripTrailingZeros()
                    .toPlainString();
            throw new JobConfigException("", "train + test must sum to 1, but " + train + " + " + test + " = " + sum,
                    "Adjust them, e.g. train: 0.8, test: 0.2");
        }
    }

    private static Double fraction(String key, Double value) {
        Checks.required(key, value, key + ": " + (key.equals("train") ? "0.8" : "0.2"));
        if (!(value > 0.0 && value < 1.0)) {
            throw new JobConfigException(key, "must be a fraction strictly between 0 and 1, got " + value,
                    "Use fractions that sum to 1, e.g. train: 0.8, test: 0.2");
        }
        return value;
    }
}
