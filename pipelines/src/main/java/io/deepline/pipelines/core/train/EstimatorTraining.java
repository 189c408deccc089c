package io.deepline.pipelines.core.train;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.LabelEncoder;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.MiniBatches;
import io.deepline.pipelines.core.data.TrainingRows;
import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.api.java.JavaRDD;

/**
 * The part of {@code fit} every network estimator shares once its rows are checked: cache the training (and
 * validation) mini-batches, run the {@link ParameterAveragingTrainer} with the stage's Params, and free the
 * caches whatever happens.
 */
public final class EstimatorTraining {
    private EstimatorTraining() {
    }

    /**
     * @param rows        checked rows (see {@link TrainingRows#requireNonEmptyAndWeightScale()})
     * @param weightScale scales the training weights to mean 1
     */
    public static TrainingResult run(HasTrainingParams<?> stage, String stageName, TrainingRows rows,
                                     double weightScale, int numWorkers, int numFeatures, LabelEncoder labels,
                                     ValidationMetric metric, NetworkSnapshot initial, TrainingListener listener) {
        JavaRDD<MiniBatch> batches = MiniBatches.build(rows.training(), numWorkers, stage.getBatchSize(), numFeatures,
                labels, stage.getSeed(), rows.weighted(), weightScale);
        // Validation batches only feed inference, so they take the (larger) inference batch size.
        JavaRDD<MiniBatch> validation = rows.hasValidation()
                ? MiniBatches.build(rows.validation(), numWorkers, stage.getInferenceBatchSize(), numFeatures, labels,
                stage.getSeed(), rows.weighted(), 1.0)
                : null;
        try {
            TrainingSettings settings = TrainingSettings.of(stage, stageName, numWorkers, metric);
            return new ParameterAveragingTrainer(settings, listener).train(batches, validation, initial);
        } finally {
            batches.unpersist(false);
            if (validation != null) {
                validation.unpersist(false);
            }
        }
    }
}
