/**
 * Immutable, validated network specs ({@link io.deepline.models.spec.MlpSpec} ...). Each one checks its
 * values in its constructor, so an invalid network is never built, and turns itself into a DL4J
 * configuration.
 */
package io.deepline.models.spec;
