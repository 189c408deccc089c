package io.deepline.pipelines.core.data;

/**
 * Where a {@link TrainingBatch} writes what it holds (its sizes, then its arrays in a fixed order), for a digest of
 * the training data that depends on the values only: not on the batch's class, its name or its serialized form.
 */
public interface BatchContents {

    /** The batch's shape numbers (rows, widths, lengths ...). */
    void sizes(int... sizes);

    /** One float array; null for an absent optional one (e.g. no row weights), which differs from an empty one. */
    void floats(float[] values);

    /** One int array (e.g. target ids). */
    void ints(int[] values);
}
