/**
 * Deepline's network layer: validated, immutable specs that build DL4J configurations, plus the pieces
 * DL4J 1.0.0-M2.1 lacks. Nothing here depends on Spark.
 *
 * <p>Comments cite the course notes the formulas come from as "course §x.y", "eq. N" and "Fig. N"; docs/COURSE.md
 * names the notes and maps each section and equation to its class and test.
 */
package io.deepline.models;
