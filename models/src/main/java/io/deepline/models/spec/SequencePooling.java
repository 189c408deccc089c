package io.deepline.models.spec;

/**
 * How a {@link SequenceOutput#MANY_TO_ONE} network summarises the last recurrent layer's states h_1..h_T into one
 * vector; all three look only at unmasked steps (padding never counts).
 */
public enum SequencePooling {
    /** The state at the last unmasked step (DL4J {@code LastTimeStep}). */
    LAST,
    /** The mean of the states over unmasked steps (DL4J {@code GlobalPoolingLayer}, AVG). */
    MEAN,
    /** The element-wise maximum over unmasked steps (DL4J {@code GlobalPoolingLayer}, MAX). */
    MAX;

    public static String[] names() {
        return UserNames.of(SequencePooling.class);
    }

    public static SequencePooling parse(String name) {
        return UserNames.parse(SequencePooling.class, name, "pooling");
    }
}
