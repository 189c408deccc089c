package io.deepline.jobs.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Optional {@code split:} section: which rows are trained on and which are held out to test on. Defaults to
 * 0.8/0.2 with seed 42.
 *
 * <p>By default a row's split is a function of the row alone: a seeded hash of the values of the columns the job
 * uses decides it (see {@code HoldoutRows}), so a row keeps its split however the data grows, shrinks or is ordered.
 * That is what lets {@code retrain} compare the champion and the challenger on rows neither trained on. With
 * {@code holdoutColumn}, the data says it itself, row by row.
 *
 * @param train         fraction of rows to train on, in (0, 1); null with {@code holdoutColumn}
 * @param test          fraction of rows to evaluate on, in (0, 1); {@code train + test} must be 1; null with
 *                      {@code holdoutColumn}
 * @param seed          seed of the split's hash (and of the report's samples), so a re-run sees the same rows
 * @param holdoutColumn a boolean column of the data, true for a held-out (test) row; never a feature. Null when
 *                      absent
 */
public record SplitSection(Double train, Double test, Long seed, String holdoutColumn) {

    /** The split used when the job file has none. */
    public static final SplitSection DEFAULT = new SplitSection(0.8, 0.2, 42L);

    /** How far from 1 the fractions may sum, to forgive decimal round-off such as 0.7 + 0.3. */
    public static final double SUM_TOLERANCE = 1e-9;

    public SplitSection {
        seed = seed == null ? 42L : seed;
        holdoutColumn = Checks.optionalText("holdoutColumn", holdoutColumn, "holdoutColumn: is_holdout");
        if (holdoutColumn != null) {
            if (train != null || test != null) {
                throw new JobConfigException(train != null ? "train" : "test", "contradicts holdoutColumn, which"
                        + " names the test rows itself", "Remove train and test, or remove holdoutColumn");
            }
        } else {
            train = fraction("train", train);
            test = fraction("test", test);
            requireSumOfOne(train, test);
        }
    }

    /** A fraction split without a holdout column. */
    public SplitSection(Double train, Double test, Long seed) {
        this(train, test, seed, null);
    }

    private static void requireSumOfOne(double train, double test) {
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
