/**
 * Layers DL4J 1.0.0-M2.1 lacks or computes differently from the course, as DL4J layer configurations that go
 * into a {@code MultiLayerConfiguration} and serialise to JSON with it: {@link io.deepline.models.layers.LayerNorm}
 * (§4.5.4), with its parameter layout ({@link io.deepline.models.layers.LayerNormParams}) and its working layer
 * ({@link io.deepline.models.layers.LayerNormLayer}), whose backward pass is written out and gradient-checked; and
 * {@link io.deepline.models.layers.Gru} (§7.1), a mask-aware gated recurrent unit with its parameter layout
 * ({@link io.deepline.models.layers.GruParams}) and its working layer ({@link io.deepline.models.layers.GruLayer}),
 * whose backpropagation through time is likewise written out and gradient-checked; and
 * {@link io.deepline.models.layers.AttentiveGruDecoder} (§8.2), the attentive GRU decoder of an encoder-decoder
 * network as a two-input {@code ComputationGraph} vertex ({@link io.deepline.models.layers.DecoderContext}: eq. 36's
 * attention or the fixed last encoder state), with its parameter layout, its working vertex and its hand-written,
 * gradient-checked backpropagation through time.
 */
package io.deepline.models.layers;
