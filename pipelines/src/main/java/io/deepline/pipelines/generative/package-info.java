/**
 * Unsupervised and generative network stages (course ch. 9–10), trained on the features alone through the same
 * parameter-averaging trainer as the supervised stages: {@link io.deepline.pipelines.generative.AutoEncoder} /
 * {@link io.deepline.pipelines.generative.AutoEncoderModel}, a bottleneck autoencoder that writes each row's code and
 * reconstruction error (e.g. for anomaly detection), and {@link io.deepline.pipelines.generative.VariationalAutoEncoder}
 * / {@link io.deepline.pipelines.generative.VariationalAutoEncoderModel} (Kingma &amp; Welling 2014), trained on the
 * negative ELBO ({@link io.deepline.pipelines.generative.ElboBatch}), with the latent mean and a reconstruction
 * log-probability per row, and {@code sample(n, seed)} for new rows.
 */
package io.deepline.pipelines.generative;
