package io.deepline.models.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which keys each query may attend to, as an additive bias on the attention scores: 0 where allowed,
 * {@value #BLOCKED} where not, so that after the softmax a blocked key's weight is exactly 0 in float and double
 * (exp(−1e9 − max) underflows to 0). Two reasons to block a key:
 * <ul>
 *   <li>key padding: the key's step is padding (its mask entry is 0), so no real position can see it;</li>
 *   <li>causality (decoders): key step j is later than query step i, so position i never sees the future.</li>
 * </ul>
 * A query that could see no key at all (only possible with a fully padded key sequence) would get uniform weights
 * over blocked keys; {@link #of} refuses key masks with an empty row, so that cannot happen.
 */
final class AttentionMask {
    /** The bias added to a blocked score. */
    static final double BLOCKED = -1e9;

    private AttentionMask() {
    }

    /**
     * The bias [batch or 1, 1, Tq, Tk] to add to scores [batch, heads, Tq, Tk], or null when nothing is blocked.
     *
     * @param keyMask [batch, Tk] with 1 for real steps and 0 for padding, or null
     * @param causal  whether query i may see keys j &le; i only (needs Tq = Tk)
     */
    static INDArray of(INDArray keyMask, boolean causal, long queries, long keys, DataType dataType) {
        INDArray bias = null;
        if (keyMask != null) {
            if (keyMask.sum(1).minNumber().doubleValue() <= 0) {
                throw new IllegalStateException("an attention key mask has a row with no real step; every sequence"
                        + " must keep at least one step (drop empty sequences before training or scoring)");
            }
            // (mask − 1)·1e9: 0 for real keys, −1e9 for padding; [batch, 1, 1, Tk] broadcasts over heads and queries.
            bias = keyMask.castTo(dataType).sub(1.0).muli(-BLOCKED).reshape(keyMask.size(0), 1, 1, keys);
        }
        if (causal) {
            if (queries != keys) {
                throw new IllegalStateException("causal attention compares a sequence with itself, but it has "
                        + queries + " query steps and " + keys + " key steps");
            }
            double[] blocked = new double[Math.toIntExact(queries * keys)];
            for (int i = 0; i < queries; i++) {
                java.util.Arrays.fill(blocked, (int) (i * keys + i + 1), (int) ((i + 1) * keys), BLOCKED);
            }
            // one native array from Java memory, not one native call per entry
            INDArray future = Nd4j.create(blocked, new long[] {1, 1, queries, keys}, DataType.DOUBLE).castTo(dataType);
            bias = bias == null ? future : bias.add(future);
        }
        return bias;
    }
}
