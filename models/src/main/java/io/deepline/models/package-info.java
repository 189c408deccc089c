/**
 * Deepline's network layer: validated, immutable specs that build DL4J configurations, plus the pieces
 * DL4J 1.0.0-M2.1 lacks. Nothing here depends on Spark.
 */
package io.deepline.models;
