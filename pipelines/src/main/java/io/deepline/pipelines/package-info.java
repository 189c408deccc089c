/**
 * Deepline's Spark ML stages: estimators and models that train DL4J networks by parameter averaging on Spark
 * and drop into MLlib {@code Pipeline}s, {@code CrossValidator} and {@code PipelineModel} persistence.
 *
 * <p>Three layers, each depending only on those below it: {@code core} (data, training, persistence, inference,
 * shared Params); the stage packages directly under this one ({@code classification}, {@code regression},
 * {@code sequence}, {@code vision}, {@code generative}, {@code text}, {@code ensemble}, {@code eval}: their names
 * are public API, written into every saved model's metadata; {@code stage} holds their shared bases); and
 * {@code tools} (selection, report).
 */
package io.deepline.pipelines;
