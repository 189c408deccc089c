/**
 * Deepline's Spark ML stages: estimators and models that train DL4J networks by parameter averaging on Spark
 * and drop into MLlib {@code Pipeline}s, {@code CrossValidator} and {@code PipelineModel} persistence.
 *
 * <p>Comments cite the course notes the formulas come from as "course §x.y", "eq. N" and "Fig. N"; docs/COURSE.md
 * names the notes and maps each section and equation to its class and test. docs/ARCHITECTURE.md is the design.
 */
package io.deepline.pipelines;
