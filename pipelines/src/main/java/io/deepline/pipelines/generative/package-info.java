/**
 * Unsupervised and generative network stages (issue 7, seed notes ch. 9–10): {@link
 * io.deepline.pipelines.generative.AutoEncoder} / {@link io.deepline.pipelines.generative.AutoEncoderModel}, a
 * bottleneck autoencoder that writes each row's code and reconstruction error (e.g. for anomaly detection).
 * They train on the features alone, through the same parameter-averaging trainer as the supervised stages.
 */
package io.deepline.pipelines.generative;
