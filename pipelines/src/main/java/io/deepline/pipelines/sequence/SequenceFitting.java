package io.deepline.pipelines.sequence;

import io.deepline.models.spec.OutputHead;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.core.data.sequence.SequenceBatches;
import io.deepline.pipelines.core.data.sequence.SequenceDataCheck;
import io.deepline.pipelines.core.data.sequence.SequenceDataProfile;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.data.sequence.SequenceLayout;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.ParameterAveragingTrainer;
import io.deepline.pipelines.core.train.TrainingListener;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.TrainingSettings;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The {@code fit} every sequence estimator shares, whatever its network: check the columns, build the network's
 * spec ({@link NetworkBlueprint}), check every row in one pass, build the padded, cached batches, train by parameter
 * averaging, and free the cache.
 */
final class SequenceFitting {

    /** What a fit produced, for the model. */
    record Fitted(TrainingResult result, SequenceDataCheck.Summary data, SequenceInput input, Provenance provenance) {

        /** The fitted state a model holds. */
        FittedNetwork network() {
            return new FittedNetwork(result.network(), data.numFeatures(), result.history(), provenance);
        }
    }

    /** What the estimator predicts: its label kind and whether labels are classes. */
    record Task(SequenceLabel label, boolean classification) {
    }

    private SequenceFitting() {
    }

    static Fitted fit(HasSequenceInputParams<?> stage, String stageName, Dataset<?> dataset, String featuresCol,
                      String labelCol, Task task, NetworkBlueprint blueprint, OptionalInt declaredClasses,
                      TrainingListener listener) {
        Instant started = Instant.now();
        refuseTabularOnlyParams(stage, stageName);
        SequenceInput input = SequenceInput.of(dataset.schema(), featuresCol, stage.getVocabularySize());
        SequenceLabel label = SequenceSchemas.requireLabel(dataset.schema(), labelCol, task.label(), stageName);
        NetworkBlueprint.InitialNetwork spec = blueprint.forInput(input);
        Dataset<Row> rows = dataset.select(functions.col(featuresCol), functions.col(labelCol));
        SequenceDataProfile profile = SequenceDataProfile.of(rows, input, label, stage.getVocabularySize());
        SequenceDataCheck.Summary data = task.classification()
                ? SequenceDataCheck.forClassification(profile, featuresCol, labelCol, declaredClasses)
                : SequenceDataCheck.forRegression(profile, featuresCol, labelCol);
        SequenceLayout layout = new SequenceLayout(input, label, data.numFeatures(), data.target(),
                stage.getMaxSequenceLength(), stage.getTruncation());
        OutputHead head = task.classification() ? OutputHead.categorical(data.target().width())
                : OutputHead.gaussian(1);
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(stage, stageName, spark, data.rows());
        JavaRDD<SequenceBatch> batches = SequenceBatches.build(rows, workers, stage.getBatchSize(), layout,
                stage.getSeed(), stage.getSortByLength());
        try {
            TrainingSettings settings = TrainingSettings.of(stage, stageName, workers);
            TrainingResult result = new ParameterAveragingTrainer(settings, listener)
                    .train(batches, spec.initialState(data.numFeatures(), head));
            Provenance provenance = Provenance.of(spark, data.rows(), Map.of(), workers, stage.getSeed(), started);
            return new Fitted(result, data, input, provenance);
        } finally {
            batches.unpersist(false);
        }
    }

    /** Weights and per-epoch validation are built for tabular batches only so far: refuse rather than ignore. */
    static void refuseTabularOnlyParams(HasTrainingParams<?> stage, String stageName) {
        String set = stage.weightColOrNull() != null ? "weightCol"
                : stage.getValidationFraction() > 0 ? "validationFraction"
                : stage.validationIndicatorColOrNull() != null ? "validationIndicatorCol"
                : stage.getEarlyStoppingPatience() > 0 ? "earlyStoppingPatience" : null;
        if (set != null) {
            throw new IllegalArgumentException(stageName + " does not support " + set + " yet (row weights and"
                    + " per-epoch validation are implemented for tabular stages only); unset it, and hold out a"
                    + " validation split with DataSplits to evaluate the fitted model");
        }
    }
}
