package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.deepline.pipelines.tools.selection.KFoldCrossValidation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tune:} section, read by the {@code tune} command: k-fold cross-validation over a grid of model params.
 *
 * <pre>
 * tune:
 *   folds: 5                 # k >= 2 (default 5), or n: leave-one-out, k = the number of training rows (at most
 *                            # 500: each row is a fit per candidate)
 *   metric: f1Macro          # a classification metric (accuracy, f1Macro, weightedF1, precisionMacro,
 *                            # recallMacro, logLoss) or a regression one (rmse, mae, r2); default f1Macro / rmse
 *   parallelism: 2           # candidates fitted at once (default: the cluster's task slots / each fit's
 *                            # numWorkers, at least 1)
 *   grid:                    # model param → the values to try; every combination is one candidate
 *     hiddenLayers: [[32], [64, 32]]
 *     learningRate: [0.01, 0.001]
 * </pre>
 * The grid's values stay YAML nodes here, like {@code model.params}: the estimator's Params convert and judge them.
 *
 * @param folds       k of k-fold cross-validation, or {@link KFoldCrossValidation#LEAVE_ONE_OUT} for {@code n}
 * @param metric      the metric that picks the best candidate; null = the model kind's default
 * @param parallelism how many candidates MLlib's CrossValidator fits at once; null = what fits the cluster's free
 *                    task slots (see {@code io.deepline.jobs.tune.TuneParallelism})
 * @param grid        param name → non-empty list of values
 */
public record TuneSection(@JsonDeserialize(using = FoldsDeserializer.class) Integer folds, String metric,
                          Integer parallelism, Map<String, JsonNode> grid) {

    public TuneSection {
        folds = folds == null ? 5 : folds;
        if (folds < 2 && folds != KFoldCrossValidation.LEAVE_ONE_OUT) {
            throw new JobConfigException("folds", "must be at least 2, got " + folds,
                    "k-fold cross-validation needs k >= 2, e.g. folds: 5, or folds: n for leave-one-out");
        }
        metric = Checks.optionalText("metric", metric, "metric: f1Macro");
        if (parallelism != null && parallelism < 1) {
            throw new JobConfigException("parallelism", "must be at least 1, got " + parallelism,
                    "Use parallelism: 1 to fit one candidate at a time");
        }
        Checks.required("grid", grid, "grid: {learningRate: [0.01, 0.001]}");
        if (grid.isEmpty()) {
            throw new JobConfigException("grid", "is empty", "List at least one param and its values, e.g. grid:"
                    + " {learningRate: [0.01, 0.001]}");
        }
        for (Map.Entry<String, JsonNode> e : grid.entrySet()) {
            if (e.getValue() == null || !e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new JobConfigException("grid." + e.getKey(), "must be a non-empty list of values",
                        "e.g. " + e.getKey() + ": [value1, value2]");
            }
        }
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
    }

    /** {@code folds: n}: k = the number of training rows. */
    public boolean leaveOneOut() {
        return folds == KFoldCrossValidation.LEAVE_ONE_OUT;
    }

    /** The number of candidates: the product of the grid's list sizes. */
    public int candidates() {
        int n = 1;
        for (JsonNode values : grid.values()) {
            n *= values.size();
        }
        return n;
    }
}
