package io.deepline.jobs.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Optional {@code split:} section: which rows are trained on, which validate a model-selection curve
 * ({@code select:}) and which are held out to test on. Defaults to 0.8/0.2 with seed 42.
 *
 * <p>Two rules, by the job file:
 * <ul>
 *   <li>exact (the default): of n rows (of each class, with {@code stratified}), round(n · fraction) go to each
 *       split, within one row, chosen by a seeded hash of the row's content (pipelines' {@code DataSplits}). The
 *       same data and seed give the same rows, however the data is ordered or partitioned.</li>
 *   <li>row by row, in a job file with a {@code registry:} section (one {@code retrain} reads): a seeded hash of the
 *       row alone decides, so a row keeps its split however the data grows, shrinks or is ordered (see
 *       {@code HoldoutRows}); the split's size is {@code test} of the rows only on average. Exact counts cannot
 *       have this: when rows are added, the count boundary moves and rows near it change sides, and a champion's
 *       training rows could then test it. With {@code holdoutColumn}, the data says it itself, row by row.</li>
 * </ul>
 *
 * @param train         fraction of rows to train on, in (0, 1); null with {@code holdoutColumn}
 * @param validation    fraction of rows a {@code select:} curve is measured on, in (0, 1); null when absent (then
 *                      {@code train + test} must be 1). Only with {@code select}, which is its one reader
 * @param test          fraction of rows to evaluate on, in (0, 1); the fractions must sum to 1; null with
 *                      {@code holdoutColumn}
 * @param stratified    split every class of the label by the fractions (classifiers; keeps class proportions in
 *                      every split); false when absent
 * @param seed          seed of the split's hash (and of the report's samples), so a re-run sees the same rows
 * @param holdoutColumn a boolean column of the data, true for a held-out (test) row; never a feature. Null when
 *                      absent
 */
public record SplitSection(Double train, Double validation, Double test, Boolean stratified, Long seed,
                           String holdoutColumn) {

    /** The split used when the job file has none. */
    public static final SplitSection DEFAULT = new SplitSection(0.8, 0.2, 42L);

    /** How far from 1 the fractions may sum, to forgive decimal round-off such as 0.7 + 0.3. */
    public static final double SUM_TOLERANCE = 1e-9;

    public SplitSection {
        seed = seed == null ? 42L : seed;
        stratified = stratified != null && stratified;
        holdoutColumn = Checks.optionalText("holdoutColumn", holdoutColumn, "holdoutColumn: is_holdout");
        if (holdoutColumn != null) {
            String fraction = train != null ? "train" : validation != null ? "validation" : test != null ? "test"
                    : stratified ? "stratified" : null;
            if (fraction != null) {
                throw new JobConfigException(fraction, "contradicts holdoutColumn, which names the test rows itself",
                        "Remove train, validation, test and stratified, or remove holdoutColumn");
            }
        } else {
            train = fraction("train", train);
            test = fraction("test", test);
            if (validation != null) {
                validation = fraction("validation", validation);
            }
            requireSumOfOne(train, validation, test);
        }
    }

    /** A fraction split without a validation split, stratification or holdout column. */
    public SplitSection(Double train, Double test, Long seed) {
        this(train, null, test, false, seed, null);
    }

    /** A split without a validation split or stratification. */
    public SplitSection(Double train, Double test, Long seed, String holdoutColumn) {
        this(train, null, test, false, seed, holdoutColumn);
    }

    /** Whether the job file sets aside validation rows. */
    public boolean validates() {
        return validation != null;
    }

    private static void requireSumOfOne(double train, Double validation, double test) {
        double sum = train + test + (validation == null ? 0 : validation);
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            // Round the sum for display: 0.7 + 0.2 should read 0.9, not 0.8999999999999999.
            String shown = BigDecimal.valueOf(sum).round(new MathContext(10)).stripTrailingZeros().toPlainString();
            String terms = validation == null ? "train + test must sum to 1, but " + train + " + " + test
                    : "train + validation + test must sum to 1, but " + train + " + " + validation + " + " + test;
            throw new JobConfigException("", terms + " = " + shown, validation == null
                    ? "Adjust them, e.g. train: 0.8, test: 0.2" : "Adjust them, e.g. train: 0.6, validation: 0.2,"
                    + " test: 0.2");
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
