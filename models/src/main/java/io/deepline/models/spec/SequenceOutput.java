package io.deepline.models.spec;

/** The shape of a {@link SequenceSpec}'s prediction (course §7: many-to-one and aligned many-to-many). */
public enum SequenceOutput {
    /** One prediction per sequence from the pooled hidden states ({@link SequencePooling}): [batch, outputs]. */
    MANY_TO_ONE,
    /** One prediction per time step (DL4J {@code RnnOutputLayer}): [batch, outputs, T]. */
    PER_STEP;

    public static String[] names() {
        return UserNames.of(SequenceOutput.class);
    }

    public static SequenceOutput parse(String name) {
        return UserNames.parse(SequenceOutput.class, name, "output");
    }
}
