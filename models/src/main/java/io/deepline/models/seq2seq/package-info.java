/**
 * Sequence-to-sequence with attention (course §8.2): the reserved token ids ({@link
 * io.deepline.models.seq2seq.ReservedIds}) and greedy decoding of a trained graph ({@link
 * io.deepline.models.seq2seq.GreedyDecoder}). The network is {@link io.deepline.models.spec.Seq2SeqSpec}'s, its
 * decoder {@link io.deepline.models.layers.AttentiveGruDecoder}.
 */
package io.deepline.models.seq2seq;
