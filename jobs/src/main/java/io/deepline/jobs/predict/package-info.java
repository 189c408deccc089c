/**
 * The {@code predict} workflow: batch scoring of any input with a saved PipelineModel, written atomically
 * ({@link io.deepline.jobs.predict.AtomicOutput}).
 */
package io.deepline.jobs.predict;
