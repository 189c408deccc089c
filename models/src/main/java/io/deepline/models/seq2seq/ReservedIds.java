package io.deepline.models.seq2seq;

/**
 * The token ids every sequence-to-sequence vocabulary reserves, the same as pipelines' {@code TokenIndexer}
 * (models cannot depend on pipelines): 0 padding, 1 unknown, 2 begin, 3 end; words start at 4.
 */
public final class ReservedIds {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    /** Fed to the decoder before the first target token. */
    public static final int BEGIN = 2;
    /** The last target token: the decoder says it has finished. */
    public static final int END = 3;
    /** How many ids are reserved; the first word's id. */
    public static final int COUNT = 4;

    private ReservedIds() {
    }
}
