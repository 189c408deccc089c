/**
 * Model types a job file can name under {@code model.type}, and how {@code model.params} become Spark Param values.
 * {@link io.deepline.jobs.model.ModelTypes} maps each type to a {@link io.deepline.jobs.model.ModelFactory};
 * adding a model type means adding one factory there. {@link io.deepline.jobs.model.ParamBinder} converts YAML
 * values by the Param's type and lets Spark's own validators judge them, so the job file accepts exactly what the
 * estimator accepts.
 */
package io.deepline.jobs.model;
