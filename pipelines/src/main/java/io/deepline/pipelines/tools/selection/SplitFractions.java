package io.deepline.pipelines.tools.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named, ordered split fractions, validated: at least two splits, distinct non-blank names, each fraction in
 * (0, 1), summing to 1 within {@link #SUM_TOLERANCE}.
 *
 * <p>{@link #boundaries(long)} turns them into exact row counts: split j of n rows gets the rows whose rank r
 * (0-based) satisfies b_{j-1} &le; r &lt; b_j with b_j = round(n · (f_1 + … + f_j)) and b_S = n. Rounding the
 * cumulative fraction (not each fraction) keeps the counts summing to n and each within ±1 row of f_j · n.
 */
public record SplitFractions(List<String> names, double[] fractions) {
    public static final double SUM_TOLERANCE = 1e-9;

    public SplitFractions {
        if (names == null || fractions == null || names.size() != fractions.length) {
            throw new IllegalArgumentException("give one fraction per split name; got names " + names + " and "
                    + (fractions == null ? "no fractions" : fractions.length + " fractions"));
        }
        if (names.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("split names must be distinct and non-blank, got " + names);
        }
        names = List.copyOf(names);
        fractions = fractions.clone();
        if (names.size() < 2) {
            throw new IllegalArgumentException("splitting needs at least two splits, got " + describe(names, fractions)
                    + "; add a second split, e.g. train 0.8 and test 0.2");
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        for (int j = 0; j < fractions.length; j++) {
            String name = names.get(j);
            if (name == null || name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException("split names must be distinct and non-blank, got " + names);
            }
            if (!(fractions[j] > 0 && fractions[j] < 1)) {
                throw new IllegalArgumentException("the fraction of split '" + name + "' is " + fractions[j]
                        + " in " + describe(names, fractions) + "; each fraction must lie in (0, 1)");
            }
            sum += fractions[j];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("the split fractions " + describe(names, fractions) + " sum to " + sum
                    + ", not 1; divide each by " + sum + " (or fix the one that is off) so they sum to 1");
        }
    }

    /** {@code k} equal folds named fold_1 … fold_k, for k-fold cross validation (course Fig. 7). */
    public static SplitFractions folds(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold cross validation needs k >= 2 folds, got " + k
                    + "; use k = 5 or 10, or a single train/validation split");
        }
        List<String> names = new ArrayList<>();
        double[] fractions = new double[k];
        for (int i = 0; i < k; i++) {
            names.add("fold_" + (i + 1));
            fractions[i] = 1.0 / k;
        }
        return new SplitFractions(names, fractions);
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    public int size() {
        return names.size();
    }

    /** b_0 = 0 … b_S = n: split j of {@code n} ranked rows holds ranks [b_j, b_{j+1}). */
    public long[] boundaries(long n) {
        long[] b = new long[fractions.length + 1];
        double cumulative = 0;
        for (int j = 1; j < fractions.length; j++) {
            cumulative += fractions[j - 1];
            b[j] = Math.min(n, Math.round(n * cumulative));
        }
        b[fractions.length] = n;
        return b;
    }

    /** name → fraction, in split order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int j = 0; j < fractions.length; j++) {
            map.put(names.get(j), fractions[j]);
        }
        return map;
    }

    private static String describe(List<String> names, double[] fractions) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            map.put(names.get(j), fractions[j]);
        }
        return map.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitFractions s && names.equals(s.names)
                && java.util.Arrays.equals(fractions, s.fractions);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + java.util.Arrays.hashCode(fractions);
    }

    @Override
    public String toString() {
        return describe(names, fractions);
    }
}
