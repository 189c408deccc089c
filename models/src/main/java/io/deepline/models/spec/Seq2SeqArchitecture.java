package io.deepline.models.spec;

/** The network inside a sequence-to-sequence model. */
public enum Seq2SeqArchitecture {
    /** A recurrent encoder and an attentive GRU decoder (course §8.2). */
    RNN,
    /** A Transformer encoder and decoder (course §8.3; Vaswani et al. 2017). */
    TRANSFORMER;

    public static String[] names() {
        return UserNames.of(Seq2SeqArchitecture.class);
    }

    public static Seq2SeqArchitecture parse(String name) {
        return UserNames.parse(Seq2SeqArchitecture.class, name, "architecture");
    }
}
