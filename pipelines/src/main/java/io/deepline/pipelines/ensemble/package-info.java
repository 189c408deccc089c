/**
 * Ensembles of fitted Spark ML models (course §3.3, "Ensembling"; §4.6.2): {@link
 * io.deepline.pipelines.ensemble.EnsembleModel} combines J fitted members — the mean of their predictions for
 * regression, hard or soft voting for classification — and {@link io.deepline.pipelines.ensemble.EnsembleEstimator}
 * trains the J members, either J seeded copies of one estimator or an explicit list of estimators. Members are
 * scored by their own {@code transform} and combined by column expressions: no rows are collected, no joins.
 */
package io.deepline.pipelines.ensemble;
