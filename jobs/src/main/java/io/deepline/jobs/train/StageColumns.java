package io.deepline.jobs.train;

import io.deepline.pipelines.ensemble.EnsembleEstimator;
import java.util.List;
import org.apache.spark.ml.Estimator;

/**
 * Wires a model's input columns ({@code featuresCol}, {@code labelCol}, {@code weightCol}). An ensemble has no
 * such Params of its own: each member reads its inputs, so they are set on every member.
 */
final class StageColumns {

    private StageColumns() {
    }

    /** Whether the model (every member of an ensemble) has the column Param {@code name}. */
    static boolean has(Estimator<?> estimator, String name) {
        return targets(estimator).stream().allMatch(e -> e.hasParam(name));
    }

    /** Sets column Param {@code name} to {@code column} on the model, or on every member of an ensemble. */
    static void set(Estimator<?> estimator, String name, String column) {
        for (Estimator<?> target : targets(estimator)) {
            target.set(target.getParam(name), column);
        }
    }

    private static List<? extends Estimator<?>> targets(Estimator<?> estimator) {
        return estimator instanceof EnsembleEstimator ensemble ? ensemble.estimators() : List.of(estimator);
    }
}
