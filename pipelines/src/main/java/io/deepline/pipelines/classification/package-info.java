/**
 * Classifiers: {@link io.deepline.pipelines.classification.DeepClassifier} (a deep MLP trained by parameter
 * averaging) and its model, with MLlib's classifier columns so MLlib's evaluators work unchanged.
 */
package io.deepline.pipelines.classification;
