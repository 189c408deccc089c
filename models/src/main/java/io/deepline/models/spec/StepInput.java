package io.deepline.models.spec;

/** What one time step of a {@link SequenceSpec}'s input is. */
public enum StepInput {
    /** nIn real-valued features per step: NCW input [batch, nIn, T]. */
    REAL,
    /**
     * One token id in [0, vocabularySize) per step, looked up in a learned embedding table (DL4J
     * {@code EmbeddingSequenceLayer}): NCW input [batch, 1, T] of ids, stored as floats.
     */
    TOKENS;

    public static String[] names() {
        return UserNames.of(StepInput.class);
    }

    public static StepInput parse(String name) {
        return UserNames.parse(StepInput.class, name, "input");
    }
}
