/**
 * Deepline's Spark ML stages: estimators and models that train DL4J networks by parameter averaging on Spark
 * and drop into MLlib {@code Pipeline}s, {@code CrossValidator} and {@code PipelineModel} persistence.
 */
package io.deepline.pipelines;
