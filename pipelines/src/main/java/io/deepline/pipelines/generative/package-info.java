/**
 * Generative models as Spark ML stages: {@link io.deepline.pipelines.generative.VariationalAutoEncoder} /
 * {@link io.deepline.pipelines.generative.VariationalAutoEncoderModel} (Kingma &amp; Welling 2014), trained by
 * Deepline's parameter averaging on the negative ELBO ({@link io.deepline.pipelines.generative.ElboBatch}), with
 * the latent mean and a reconstruction log-probability per row, and {@code sample(n, seed)} for new rows.
 */
package io.deepline.pipelines.generative;
