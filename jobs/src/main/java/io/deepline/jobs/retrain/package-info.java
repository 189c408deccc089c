/**
 * The {@code retrain} command: the champion/challenger loop a scheduler runs against a model registry
 * ({@link io.deepline.jobs.registry}).
 */
package io.deepline.jobs.retrain;
