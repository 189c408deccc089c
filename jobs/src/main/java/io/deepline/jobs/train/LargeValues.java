package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PreprocessSection;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses feature values too large for what the job does with them, naming the user's column: finite values that
 * would become infinite on the way to the network and fail later under an internal column's name.
 *
 * <p>With {@code preprocess.standardize} the scaler sums squared deviations from the mean over the rows, each up to
 * (2 · max |x|)², in doubles; so values up to √(Double.MAX / 4n) cannot overflow, and a column of {@code 1e308}
 * gives an infinite variance and NaN features. Without it the network computes in 32-bit floats, and a value beyond
 * {@link Float#MAX_VALUE} (3.4e38) becomes infinite. {@code preprocess.divideBy} divides first.
 */
final class LargeValues {

    private LargeValues() {
    }

    /**
     * @param largest the largest magnitude of each floating-point feature column
     * @param rows    the rows the job uses, which bound the scaler's sums
     * @throws JobConfigException naming {@code data.features} and the first column that is too large
     */
    static void require(Map<String, Double> largest, long rows, InputSchema input, PreprocessSection preprocess) {
        double divisor = divisor(preprocess);
        double limit = limit(rows, preprocess);
        for (Map.Entry<String, Double> column : largest.entrySet()) {
            double value = column.getValue() / divisor;
            if (!(value <= limit)) {
                throw new JobConfigException(JobColumns.keyOf(column.getKey(), input), "column '"
                        + column.getKey() + "' holds values as large as " + column.getValue() + (preprocess.divides()
                        ? " (" + value + " after preprocess.divideBy)" : "") + "; " + (preprocess.standardize()
                        ? "preprocess.standardize squares them, which overflows beyond " + format(limit) + " in "
                        + rows + " rows" : "the network computes in 32-bit floats, which end at " + format(limit)),
                        fix(value, limit, input, preprocess));
            }
        }
    }

    /** The largest magnitude a value of the data may have, before {@code preprocess.divideBy}. */
    static double largestAllowed(long rows, PreprocessSection preprocess) {
        return limit(rows, preprocess) * divisor(preprocess);
    }

    /** The largest magnitude a value may have after {@code preprocess.divideBy}. */
    private static double limit(long rows, PreprocessSection preprocess) {
        return preprocess.standardize() ? standardizable(rows) : Float.MAX_VALUE;
    }

    private static double divisor(PreprocessSection preprocess) {
        return preprocess.divides() ? preprocess.divideBy() : 1.0;
    }

    /** The largest magnitude whose squared deviations, summed over {@code rows} rows, stay finite. */
    static double standardizable(long rows) {
        return Math.sqrt(Double.MAX_VALUE / (4.0 * Math.max(rows, 1)));
    }

    private static String fix(double value, double limit, InputSchema input, PreprocessSection preprocess) {
        String fix = "Rescale the column before the job (e.g. to larger units)";
        if (input.categorical().isEmpty()) {
            double divideBy = Math.pow(10, Math.ceil(Math.log10(value / limit)));
            fix += ", or divide every feature with preprocess.divideBy (e.g. " + format(divideBy
                    * divisor(preprocess)) + ")";
        }
        if (preprocess.standardize() && value <= Float.MAX_VALUE) {
            fix += ", or set preprocess.standardize: false";
        }
        return fix;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
