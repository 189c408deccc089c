package io.deepline.jobs.registry;

import java.util.List;
import java.util.Locale;

/** Whether a larger or a smaller value of a metric is better, decided by the metric's name. */
public enum MetricDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** Exact names (lower case) of metrics where smaller is better: errors and negative log-likelihoods. */
    private static final List<String> LOWER = List.of("rmse", "mse", "mae", "gaussiannll", "poissonnll");
    /** Suffixes (lower case) of metrics where smaller is better: logLoss, meanReconstructionError, ... */
    private static final List<String> LOWER_SUFFIXES = List.of("loss", "error");
    /** Exact names (lower case) of metrics where larger is better. */
    private static final List<String> HIGHER = List.of("accuracy", "r2", "weightedf1", "exactmatch",
            "tokenaccuracy", "areaunderroc", "areaunderpr");
    /** Prefixes (lower case) of metrics where larger is better: f1Macro, precisionMacro, recallMacro, auc, ... */
    private static final List<String> HIGHER_PREFIXES = List.of("f1", "precision", "recall", "auc");
    /** Suffixes (lower case) of metrics where larger is better: meanReconstructionLogProb, ... */
    private static final List<String> HIGHER_SUFFIXES = List.of("logprob");

    /** For messages: what the rules recognise. */
    public static final String KNOWN = "higher is better: accuracy, f1*, weightedF1, precision*, recall*, auc*,"
            + " areaUnderROC, areaUnderPR, r2, exactMatch, tokenAccuracy, *LogProb; lower is better: rmse, mse,"
            + " mae, gaussianNll, poissonNll, *Loss, *Error";

    public boolean lowerIsBetter() {
        return this == LOWER_IS_BETTER;
    }

    /**
     * @throws IllegalArgumentException for a name none of the rules recognises, listing the known ones
     */
    public static MetricDirection of(String metric) {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("the promotion metric is empty. Name a metric of metrics.json ("
                    + KNOWN + ")");
        }
        String m = metric.trim().toLowerCase(Locale.ROOT);
        if (LOWER.contains(m) || LOWER_SUFFIXES.stream().anyMatch(m::endsWith)) {
            return LOWER_IS_BETTER;
        }
        if (HIGHER.contains(m) || HIGHER_PREFIXES.stream().anyMatch(m::startsWith)
                || HIGHER_SUFFIXES.stream().anyMatch(m::endsWith)) {
            return HIGHER_IS_BETTER;
        }
        throw new IllegalArgumentException("metric '" + metric + "' is unknown, so whether higher or lower is"
                + " better cannot be told. Use one of the known metrics (" + KNOWN + ")");
    }
}
