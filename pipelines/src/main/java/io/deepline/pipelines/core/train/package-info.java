/**
 * Data-parallel training by parameter averaging on Spark: the epoch/round loop, the
 * worker function, the aggregation of params and optimizer state, and the training history.
 */
package io.deepline.pipelines.core.train;
