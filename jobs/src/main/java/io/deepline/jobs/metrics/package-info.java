/**
 * The test-split metrics a job reports ({@link io.deepline.jobs.metrics.TestMetrics} and its kinds). Below both the
 * model factories (which choose a model type's metrics) and the train workflow (which computes and saves them), so
 * neither of those packages depends on the other through them.
 */
package io.deepline.jobs.metrics;
