package io.deepline.models.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The attention arithmetic over encoder states H [B, n, T] ('c' order) with per-row weights over the steps
 * [B, T], each a single batched matrix product ([B, 1, n]·[B, n, T] and so on): the decoder runs these at every
 * step, and on small batches the cost is the number of native calls, not their arithmetic.
 */
final class EncoderSteps {
    /** Added to masked scores: exp underflows to exactly 0 after the softmax's shift by the row maximum. */
    private static final double MASKED_SCORE = -1e30;

    private EncoderSteps() {
    }

    /** Σ_t w[b, t] · h[b, :, t], [B, n]. */
    static INDArray weightedSum(INDArray h, INDArray weights) {
        long batch = h.size(0);
        return Nd4j.matmul(weights.reshape('c', batch, 1, h.size(2)), h, null, false, true, false)
                .reshape('c', batch, h.size(1));
    }

    /** q[b] · h[b, :, t] for every step, [B, T]. */
    static INDArray scores(INDArray h, INDArray query) {
        long batch = h.size(0);
        return Nd4j.matmul(query.reshape('c', batch, 1, h.size(1)), h).reshape('c', batch, h.size(2));
    }

    /** a[b, k] · w[b, t], [B, n, T]: the gradient of {@link #weightedSum} with respect to h, for dL/d(sum) = a. */
    static INDArray outer(INDArray a, INDArray weights) {
        long batch = a.size(0);
        return Nd4j.matmul(a.reshape('c', batch, a.size(1), 1), weights.reshape('c', batch, 1, weights.size(1)));
    }

    /**
     * (mask − 1)·10^30, [B, T]: added to the scores it removes the masked steps from the softmax; null without mask.
     * A row without any real step gets 0 instead (its weights are zeroed by the mask afterwards), because ND4J's
     * softmax would divide 0 by 0 on a row of −10^30 only.
     */
    static INDArray maskBias(INDArray mask, INDArray lastStep) {
        if (mask == null) {
            return null;
        }
        return mask.rsub(1.0).muli(MASKED_SCORE).muliColumnVector(lastStep.sum(true, 1));
    }

    /**
     * Softmax over the unmasked steps of each row: exactly 0 at masked steps, and all 0 for a row with no real step.
     *
     * @param scores   [B, T], overwritten
     * @param mask     [B, T] of 0/1, or null when every step is real
     * @param maskBias {@link #maskBias(INDArray)} of the mask
     */
    static INDArray maskedSoftmax(INDArray scores, INDArray mask, INDArray maskBias) {
        if (mask == null) {
            return Transforms.softmax(scores, false);
        }
        return Transforms.softmax(scores.addi(maskBias), false).muli(mask);
    }

    /** 1 at each row's last unmasked step, 0 elsewhere (a row without real steps is all 0), [B, T]. */
    static INDArray lastStepSelector(INDArray mask, long batch, long steps, org.nd4j.linalg.api.buffer.DataType type) {
        INDArray selector = Nd4j.zeros(type, batch, steps);
        double[][] values = mask == null ? null : mask.toDoubleMatrix();
        for (int row = 0; row < batch; row++) {
            for (int t = (int) steps - 1; t >= 0; t--) {
                if (values == null || values[row][t] != 0) {
                    selector.putScalar(row, t, 1.0);
                    break;
                }
            }
        }
        return selector;
    }
}
