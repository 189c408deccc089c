package io.deepline.jobs.model;

import io.deepline.pipelines.train.TrainingHistory;
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
    Optional<TrainingHistory> trainingHistory(Transformer fitted);

    /** Facts about the fitted model for the metrics file, e.g. {@code numClasses}; empty if there are none. */
    default Map<String, Object> facts(Transformer fitted) {
        return Map.of();
    }
}
