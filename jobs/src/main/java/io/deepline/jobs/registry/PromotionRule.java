package io.deepline.jobs.registry;

/**
 * Decides whether a challenger replaces the champion: it must beat the champion's {@code metric} by at least
 * {@code minImprovement} (challenger − champion when higher is better, champion − challenger when lower is). With
 * the default {@code minImprovement} 0 an equal score promotes, so the model trained on the newer data wins a tie.
 * The first run (no champion) always promotes; a NaN challenger never does; a NaN champion loses to any number.
 *
 * <p>The improvement is compared with a tolerance of {@link #TOLERANCE}, so that decimal round-off
 * ({@code 0.93 − 0.92 = 0.0099999…}) does not decide a boundary case that reads as equal in metrics.json.
 *
 */
public final class PromotionRule {

    /** Absolute slack of the comparison with {@code minImprovement}. */
    public static final double TOLERANCE = 1e-9;

    private final String metric;
    private final boolean lowerIsBetter;
    private final double minImprovement;

    /**
     * @param metric         a metric name {@link MetricDirection} recognises, as metrics.json spells it
     * @param minImprovement the required improvement, finite and {@code >= 0}
     * @throws IllegalArgumentException for an unknown metric or a negative or non-finite minImprovement
     */
    public PromotionRule(String metric, double minImprovement) {
        this.lowerIsBetter = MetricDirection.of(metric).lowerIsBetter();
        this.metric = metric.trim();
        if (!(minImprovement >= 0.0) || Double.isInfinite(minImprovement)) {
            throw new IllegalArgumentException("minImprovement must be a finite number >= 0, got " + minImprovement
                    + ". Set registry.minImprovement, e.g. 0.01, or leave it out for 0");
        }
        this.minImprovement = minImprovement;
    }

    public String metric() {
        return metric;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public double minImprovement() {
        return minImprovement;
    }

    /**
     * @param championVersion null on the first run, when {@code championScore} must be null too
     */
    public Decision decide(int challengerVersion, double challengerScore, Integer championVersion,
                           Double championScore) {
        if ((championVersion == null) != (championScore == null)) {
            throw new IllegalArgumentException("championVersion and championScore must both be given or both be"
                    + " null (first run), got " + championVersion + " and " + championScore);
        }
        if (Double.isNaN(challengerScore)) {
            return decision(false, challengerVersion, challengerScore, championVersion, championScore,
                    "not promoted: the challenger's " + metric + " is NaN, so it cannot be judged");
        }
        if (championVersion == null) {
            return decision(true, challengerVersion, challengerScore, null, null,
                    "promoted: there is no champion yet (first run)");
        }
        if (Double.isNaN(championScore)) {
            return decision(true, challengerVersion, challengerScore, championVersion, championScore,
                    "promoted: the champion's " + metric + " is NaN, so any number beats it");
        }
        double improvement = lowerIsBetter ? championScore - challengerScore : challengerScore - championScore;
        boolean promoted = improvement >= minImprovement - TOLERANCE;
        String direction = lowerIsBetter ? "lower" : "higher";
        String reason = String.format("%s: %s %s (%s is better) improves on the champion's %s by %s, %s the"
                        + " required %s", promoted ? "promoted" : "not promoted", metric, challengerScore, direction,
                championScore, improvement, promoted ? "at least" : "less than", minImprovement);
        return decision(promoted, challengerVersion, challengerScore, championVersion, championScore, reason);
    }

    private Decision decision(boolean promoted, int challengerVersion, double challengerScore,
                              Integer championVersion, Double championScore, String reason) {
        return new Decision(promoted, metric, challengerVersion, championVersion, challengerScore, championScore,
                minImprovement, reason);
    }

    @Override
    public String toString() {
        return "PromotionRule(" + metric + ", " + (lowerIsBetter ? "lower" : "higher") + " is better, minImprovement "
                + minImprovement + ")";
    }
}
