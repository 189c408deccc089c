/**
 * Variable-length sequences to padded, masked mini-batches for recurrent networks: the
 * column kinds ({@link io.deepline.pipelines.core.data.sequence.SequenceInput},
 * {@link io.deepline.pipelines.core.data.sequence.SequenceLabel}), the one-pass check
 * ({@link io.deepline.pipelines.core.data.sequence.SequenceDataProfile} →
 * {@link io.deepline.pipelines.core.data.sequence.SequenceDataCheck}) and the cached
 * {@link io.deepline.pipelines.core.data.sequence.SequenceBatch}es
 * ({@link io.deepline.pipelines.core.data.sequence.SequenceBatches}).
 */
package io.deepline.pipelines.core.data.sequence;
