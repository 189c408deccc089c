/** Activations DL4J 1.0.0-M2.1 lacks, gradient-checked: the exponential inverse link of Poisson regression. */
package io.deepline.models.activations;
