/**
 * Variable-length sequences to padded, masked mini-batches for recurrent networks: the
 * column kinds ({@link io.deepline.pipelines.data.sequence.SequenceInput},
 * {@link io.deepline.pipelines.data.sequence.SequenceLabel}), the one-pass check
 * ({@link io.deepline.pipelines.data.sequence.SequenceDataProfile} →
 * {@link io.deepline.pipelines.data.sequence.SequenceDataCheck}) and the cached
 * {@link io.deepline.pipelines.data.sequence.SequenceBatch}es
 * ({@link io.deepline.pipelines.data.sequence.SequenceBatches}).
 */
package io.deepline.pipelines.data.sequence;
