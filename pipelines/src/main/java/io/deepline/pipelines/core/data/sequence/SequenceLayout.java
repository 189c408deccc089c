package io.deepline.pipelines.core.data.sequence;

import java.io.Serializable;

/**
 * How checked (sequence, label) rows become a {@link SequenceBatch}: the column kinds, the sizes found by
 * {@link SequenceDataCheck}, and the optional truncation.
 *
 * @param numFeatures       inputs per step ({@link SequenceDataCheck.Summary#numFeatures()})
 * @param maxSequenceLength longer sequences are cut to this many steps; 0 = no limit
 * @param truncation        which steps a cut keeps
 */
public record SequenceLayout(SequenceInput input, SequenceLabel label, int numFeatures, SequenceTarget target,
                             int maxSequenceLength, Truncation truncation) implements Serializable {

    public SequenceLayout {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("numFeatures must be > 0, got " + numFeatures);
        }
        if (maxSequenceLength < 0) {
            throw new IllegalArgumentException("maxSequenceLength must be >= 0 (0 = no limit), got "
                    + maxSequenceLength);
        }
        if (input == null || label == null || target == null || truncation == null) {
            throw new IllegalArgumentException("input, label, target and truncation must be set");
        }
    }

    /** No truncation. */
    public SequenceLayout(SequenceInput input, SequenceLabel label, int numFeatures, SequenceTarget target) {
        this(input, label, numFeatures, target, 0, Truncation.HEAD);
    }
}
