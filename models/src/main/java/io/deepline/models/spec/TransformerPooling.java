package io.deepline.models.spec;

/** How a Transformer classifier summarises the encoder's outputs into one vector per sequence. */
public enum TransformerPooling {
    /** The mean of the outputs over unmasked positions (DL4J {@code GlobalPoolingLayer}, AVG). */
    MEAN,
    /**
     * The output at a learned [CLS] vector prepended as position 0 (Devlin et al. 2019), which attends to the whole
     * sequence.
     */
    CLS;

    public static String[] names() {
        return UserNames.of(TransformerPooling.class);
    }

    public static TransformerPooling parse(String name) {
        return UserNames.parse(TransformerPooling.class, name, "pooling");
    }
}
