/**
 * Evaluation on Spark DataFrames (course §3.1.2), computed by aggregation (never a collect() of rows):
 * {@link io.deepline.pipelines.eval.ClassificationReport} and {@link io.deepline.pipelines.eval.RegressionReport}.
 */
package io.deepline.pipelines.eval;
