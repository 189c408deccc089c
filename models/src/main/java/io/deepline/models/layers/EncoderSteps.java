package io.deepline.models.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The attention arithmetic over encoder states H [B, n, T] with per-row weights over the steps [B, T], batched
 * with broadcasts (no per-row loops).
 */
final class EncoderSteps {
    /** Added to masked scores before the softmax's max, so the max is taken over real steps only. */
    private static final double MASKED_SCORE = -1e30;

    private EncoderSteps() {
    }

    /** Σ_t w[b, t] · h[b, :, t], [B, n]. */
    static INDArray weightedSum(INDArray h, INDArray weights) {
        return Broadcast.mul(h, weights, h.ulike(), 0, 2).sum(2);
    }

    /** q[b] · h[b, :, t] for every step, [B, T]. */
    static INDArray scores(INDArray h, INDArray query) {
        return Broadcast.mul(h, query, h.ulike(), 0, 1).sum(1);
    }

    /** a[b, k] · w[b, t], [B, n, T]: the gradient of {@link #weightedSum} with respect to h, for dL/d(sum) = a. */
    static INDArray outer(INDArray a, INDArray weights) {
        INDArray out = Nd4j.zeros(a.dataType(), a.size(0), a.size(1), weights.size(1));
        Broadcast.add(out, a, out, 0, 1); // a[b, k] at every step
        return Broadcast.mul(out, weights, out, 0, 2);
    }

    /**
     * Softmax over the unmasked steps of each row: exactly 0 at masked steps, and all 0 for a row with no real step.
     *
     * @param scores [B, T], overwritten
     * @param mask   [B, T] of 0/1
     */
    static INDArray maskedSoftmax(INDArray scores, INDArray mask) {
        INDArray adjusted = scores.muli(mask).addi(mask.rsub(1.0).muli(MASKED_SCORE));
        INDArray weights = Transforms.exp(adjusted.subiColumnVector(adjusted.max(true, 1)), false).muli(mask);
        INDArray sums = weights.sum(true, 1);
        sums.addi(sums.eq(0).castTo(sums.dataType())); // an empty row divides by 1, leaving zeros
        return weights.diviColumnVector(sums);
    }

    /** 1 at each row's last unmasked step, 0 elsewhere (a row without real steps is all 0), [B, T]. */
    static INDArray lastStepSelector(INDArray mask) {
        INDArray selector = mask.ulike().assign(0);
        long steps = mask.size(1);
        double[][] values = mask.toDoubleMatrix();
        for (int row = 0; row < values.length; row++) {
            for (int t = (int) steps - 1; t >= 0; t--) {
                if (values[row][t] != 0) {
                    selector.putScalar(row, t, 1.0);
                    break;
                }
            }
        }
        return selector;
    }
}
