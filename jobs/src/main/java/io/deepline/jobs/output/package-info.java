/**
 * Writing a job's outputs without ever losing a user's files: {@link io.deepline.jobs.output.OutputKind} tells
 * Deepline's own outputs from anything else at a path, {@link io.deepline.jobs.output.OwnedOutputs} refuses a path
 * that holds something else (or Deepline's own output when replacing it was not asked for), and
 * {@link io.deepline.jobs.output.SiblingSwap} replaces an output only once its successor is complete.
 */
package io.deepline.jobs.output;
