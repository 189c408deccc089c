package io.deepline.jobs.model;

import org.apache.spark.ml.Estimator;

/**
 * An estimator with the job file's params already set and validated, and the factory that made it.
 *
 * @param factory   the model type's factory
 * @param estimator the estimator, params set; its column Params are still the defaults
 */
public record ConfiguredModel(ModelFactory factory, Estimator<?> estimator) {
}
