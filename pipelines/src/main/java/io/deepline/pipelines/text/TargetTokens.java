package io.deepline.pipelines.text;

import java.util.List;

/**
 * Target token sequences as decoders learn them: a leading begin token is dropped (it is the implicit first
 * decoder input) and the end token appended when missing, so the network learns where to stop.
 */
public final class TargetTokens {
    private TargetTokens() {
    }

    /**
     * @param ids       token ids (Numbers), as in an {@code array<int>} column
     * @param maxLength the most ids kept, end included; 0 = no limit
     */
    public static int[] normalised(List<?> ids, int maxLength) {
        int from = !ids.isEmpty() && ((Number) ids.get(0)).intValue() == ReservedTokens.BEGIN_ID ? 1 : 0;
        boolean addEnd = ids.size() == from
                || ((Number) ids.get(ids.size() - 1)).intValue() != ReservedTokens.END_ID;
        int length = ids.size() - from + (addEnd ? 1 : 0);
        if (maxLength > 0) {
            length = Math.min(length, maxLength);
        }
        int[] out = new int[length];
        for (int t = 0; t < length; t++) {
            int k = from + t;
            out[t] = k < ids.size() ? ((Number) ids.get(k)).intValue() : ReservedTokens.END_ID;
        }
        return out;
    }
}
