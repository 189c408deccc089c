package io.deepline.bench;

import java.util.Arrays;

/** The median, minimum and maximum of n ≥ 1 repeated measurements of one quantity. */
public record Stats(double median, double min, double max, int runs) {

    public Stats {
        if (runs < 1 || !(min <= median && median <= max)) {
            throw new IllegalArgumentException("invalid stats: median " + median + ", min " + min + ", max " + max
                    + ", runs " + runs);
        }
    }

    /** The stats of {@code values} (one per run); the median of an even count is the mean of the middle two. */
    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }
}
