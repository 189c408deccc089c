package io.deepline.jobs.model;

import io.deepline.jobs.metrics.ClassificationMetrics;
import io.deepline.jobs.metrics.RegressionMetrics;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.tools.report.ReportFolder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/**
 * One model type of the job file ({@code model.type}). A factory makes a fresh estimator with default params and
 * reads back what the fitted model knows about its training, for the metrics file.
 */
public interface ModelFactory {

    /** The name used in {@code model.type}, e.g. {@code DeepClassifier}. */
    String type();

    /**
     * A new estimator with default Param values. The job sets the params from the job file and wires its input and
     * label columns (the {@code featuresCol} and {@code labelCol} Params every Spark predictor has).
     */
    Estimator<?> newEstimator();

    /** The per-epoch history of a model this factory's estimator fitted, if the model records one. */
    default Optional<TrainingHistory> trainingHistory(Transformer fitted) {
        // Every Deepline network model knows its history; other models (e.g. MLlib's) have none to report.
        return fitted instanceof HasFittedNetwork network ? Optional.of(network.trainingHistory()) : Optional.empty();
    }

    /** Epochs the fitted model trained; by default the length of its history. */
    default int epochsTrained(Transformer fitted) {
        return trainingHistory(fitted).map(TrainingHistory::numEpochs).orElse(0);
    }

    /**
     * Whether the model reads one sequence per row ({@code data.text} or {@code data.sequence}) rather than feature
     * columns ({@code data.features}).
     */
    default boolean readsSequences() {
        return false;
    }

    /**
     * Whether the model takes one label per step ({@code array<double>}, as long as the sequence) rather than one
     * per row; its test metrics then count steps.
     */
    default boolean labelsPerStep() {
        return false;
    }

    /**
     * Whether the model's label is a target sequence it learns to generate (an {@code array<int>} of token ids or an
     * {@code array<double>} of values, of any length); its test metrics compare whole sequences.
     */
    default boolean generatesSequences() {
        return false;
    }

    /** Whether the model can read {@code data.text} (its token ids and vocabulary size are set by the job). */
    default boolean readsText() {
        return readsSequences();
    }

    /** Whether the model predicts classes (true) or numbers (false); decides label indexing and the metrics. */
    default boolean classifies() {
        // An unsupervised model has no label to predict, so it never classifies.
        return supervised();
    }

    /**
     * Test-set metrics of scored rows: the classification report for classifiers, RMSE, MAE and R² for regressors.
     *
     * @param probabilityColumn the class-probability column, or null when the model writes none
     */
    default TestMetrics evaluate(Dataset<Row> scored, String labelColumn, String predictionColumn,
                                 String probabilityColumn) {
        return classifies() ? ClassificationMetrics.evaluate(scored, labelColumn, predictionColumn, probabilityColumn)
                : RegressionMetrics.evaluate(scored, labelColumn, predictionColumn);
    }

    /**
     * Whether the model learns from a label. An unsupervised model (e.g. {@code AutoEncoder}) trains on the features
     * alone: {@code data.label} is then optional and, when given, only kept out of the features; the job scores the
     * test split with {@link #evaluateUnsupervised}.
     */
    default boolean supervised() {
        return true;
    }

    /**
     * Test-set metrics of an unsupervised model, from its scored test rows; the fitted model names its output
     * columns. Called instead of {@link #evaluate} when {@link #supervised()} is false.
     */
    default TestMetrics evaluateUnsupervised(Dataset<Row> scored, Transformer fitted) {
        throw new IllegalStateException(type() + " is supervised; its test metrics come from evaluate");
    }

    /**
     * Adds this model type's own plots to the job's report folder, e.g. a generative model's grid of new samples;
     * nothing by default.
     *
     * @param seed the job's seed, so a re-run draws the same samples
     */
    default ReportFolder addToReport(ReportFolder folder, Transformer fitted, long seed) {
        return folder;
    }

    /** Facts about the fitted model for the metrics file, e.g. {@code numClasses}; empty if there are none. */
    default Map<String, Object> facts(Transformer fitted) {
        return Map.of();
    }
}
