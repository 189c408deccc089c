package io.deepline.pipelines.text;

import io.deepline.models.seq2seq.ReservedIds;

/**
 * The ids every {@link TokenIndexerModel} reserves before its words, and how {@code decode} renders them.
 * Padding is 0 so that zero-filled id arrays are padding (DL4J's embedding layers and our sequence masks
 * treat the padded steps as absent); words start at {@link #FIRST_WORD_ID}. The ids are models'
 * {@link ReservedIds}, which the sequence-to-sequence decoder uses.
 */
public final class ReservedTokens {
    /** Pads a sequence to a batch's length; never produced by {@code transform}. */
    public static final int PAD_ID = ReservedIds.PAD;
    /** A token not in the vocabulary (handleUnknown = keep). */
    public static final int UNKNOWN_ID = ReservedIds.UNKNOWN;
    /** Starts a sequence (addBeginEnd = true). */
    public static final int BEGIN_ID = ReservedIds.BEGIN;
    /** Ends a sequence (addBeginEnd = true). */
    public static final int END_ID = ReservedIds.END;
    /** The id of the most frequent word; word k (0-based, by frequency) has id FIRST_WORD_ID + k. */
    public static final int FIRST_WORD_ID = ReservedIds.COUNT;

    private static final String[] NAMES = {"<pad>", "<unk>", "<s>", "</s>"};

    private ReservedTokens() {
    }

    /** Whether {@code id} is one of the reserved ids 0..3. */
    public static boolean isReserved(int id) {
        return id >= 0 && id < FIRST_WORD_ID;
    }

    /** "&lt;pad&gt;", "&lt;unk&gt;", "&lt;s&gt;" or "&lt;/s&gt;". */
    public static String name(int id) {
        if (!isReserved(id)) {
            throw new IllegalArgumentException("id " + id + " is not a reserved id (0 to " + (FIRST_WORD_ID - 1)
                    + "); look word ids up in the TokenIndexerModel's vocabulary");
        }
        return NAMES[id];
    }
}
