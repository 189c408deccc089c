package io.deepline.models.layers;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One forward and backward pass of multi-head attention (course eq. 32–35) over NCW activations. With queries from
 * X_q [b, D, Tq], keys and values from X_kv [b, D, Tk] (the same array for self-attention, eq. 35), E heads of
 * size d = D/E, and the {@link AttentionMask} bias M:
 * <pre>
 *   Q = X_q W_q + b_q,   K = X_kv W_k + b_k,   V = X_kv W_v + b_v          split into E heads of d columns
 *   P_e = softmax(Q_e K_eᵀ / √d + M)                                      (eq. 32–34, row-wise over keys)
 *   A_e = P_e V_e,   out = [A_1, …, A_E] W_o + b_o                         (eq. 34)
 * </pre>
 * and the backward pass, with G = dL/dout:
 * <pre>
 *   dW_o = [A]ᵀG,  d[A] = G W_oᵀ,  dP_e = dA_e V_eᵀ,  dV_e = P_eᵀ dA_e
 *   dS_e = P_e ⊙ (dP_e − rowsum(dP_e ⊙ P_e)) / √d,  dQ_e = dS_e K_e,  dK_e = dS_eᵀ Q_e
 *   dX_q = dQ W_qᵀ,  dX_kv = dK W_kᵀ + dV W_vᵀ,  dW_q = X_qᵀ dQ, …
 * </pre>
 * Heads are batched as [b, E, T, d] arrays, so each product is one batched matmul. Intermediates are kept on the
 * pass object for its backward pass.
 */
final class MultiHeadAttentionPass {
    private final Map<String, INDArray> params;
    private final int heads;
    private final long batch;
    private final long modelDim;
    private final long headDim;
    private final long queries;
    private final long keys;
    /** Rows of X_q and X_kv: [b·Tq, D] and [b·Tk, D]. */
    private final INDArray queryRows;
    private final INDArray keyValueRows;
    private final INDArray bias;
    private INDArray q;
    private INDArray k;
    private INDArray v;
    private INDArray weights;
    private INDArray concatenated;

    /**
     * @param queryInput    X_q [b, D, Tq]
     * @param keyValueInput X_kv [b, D, Tk]
     * @param bias          the {@link AttentionMask} bias, or null
     */
    MultiHeadAttentionPass(INDArray queryInput, INDArray keyValueInput, INDArray bias, Map<String, INDArray> params,
                           int heads) {
        this.params = params;
        this.heads = heads;
        this.batch = queryInput.size(0);
        this.modelDim = queryInput.size(1);
        this.headDim = modelDim / heads;
        this.queries = queryInput.size(2);
        this.keys = keyValueInput.size(2);
        this.queryRows = rows(queryInput);
        this.keyValueRows = keyValueInput == queryInput ? queryRows : rows(keyValueInput);
        this.bias = bias;
    }

    /** The attention output, NCW [b, D, Tq], in a new array. */
    INDArray forward() {
        q = splitHeads(project(queryRows, MultiHeadAttentionParams.QUERY_WEIGHTS, MultiHeadAttentionParams.QUERY_BIAS),
                queries);
        k = splitHeads(project(keyValueRows, MultiHeadAttentionParams.KEY_WEIGHTS, MultiHeadAttentionParams.KEY_BIAS),
                keys);
        v = splitHeads(project(keyValueRows, MultiHeadAttentionParams.VALUE_WEIGHTS,
                MultiHeadAttentionParams.VALUE_BIAS), keys);
        INDArray scores = Nd4j.matmul(q, k, false, true, false).divi(Math.sqrt(headDim)); // [b, E, Tq, Tk]
        if (bias != null) {
            scores.addi(bias.castTo(scores.dataType())); // broadcasts over the batch or heads it lacks
        }
        weights = softmaxOverKeys(scores);
        concatenated = mergeHeads(Nd4j.matmul(weights, v), queries); // [b·Tq, D]
        INDArray out = project(concatenated, MultiHeadAttentionParams.OUTPUT_WEIGHTS,
                MultiHeadAttentionParams.OUTPUT_BIAS);
        return toNcw(out, queries);
    }

    /** The attention weights P [b, E, Tq, Tk] of the last forward pass (each row sums to 1 over the keys). */
    INDArray weights() {
        return weights;
    }

    /**
     * Backpropagates {@code gradOut} (NCW [b, D, Tq]) through the last {@link #forward()}: fills the gradient views
     * and returns {dX_q, dX_kv} as NCW arrays (for self-attention, add them).
     */
    INDArray[] backward(INDArray gradOut, Map<String, INDArray> gradients) {
        if (weights == null) {
            throw new IllegalStateException("MultiHeadAttention backward pass before its forward pass");
        }
        INDArray g = rows(gradOut); // [b·Tq, D]
        gradients.get(MultiHeadAttentionParams.OUTPUT_WEIGHTS).assign(concatenated.transpose().mmul(g));
        gradients.get(MultiHeadAttentionParams.OUTPUT_BIAS).assign(g.sum(true, 0));
        INDArray dConcatenated = splitHeads(g.mmul(param(MultiHeadAttentionParams.OUTPUT_WEIGHTS).transpose()),
                queries);
        INDArray dWeights = Nd4j.matmul(dConcatenated, v, false, true, false); // [b, E, Tq, Tk]
        INDArray dV = Nd4j.matmul(weights, dConcatenated, true, false, false); // [b, E, Tk, d]
        INDArray dScores = dWeights.subi(dWeights.mul(weights).sum(true, 3)).muli(weights).divi(Math.sqrt(headDim));
        INDArray dQ = mergeHeads(Nd4j.matmul(dScores, k), queries);
        INDArray dK = mergeHeads(Nd4j.matmul(dScores, q, true, false, false), keys);
        INDArray dVRows = mergeHeads(dV, keys);

        INDArray dQueryRows = backProject(queryRows, dQ, MultiHeadAttentionParams.QUERY_WEIGHTS,
                MultiHeadAttentionParams.QUERY_BIAS, gradients);
        INDArray dKeyValueRows = backProject(keyValueRows, dK, MultiHeadAttentionParams.KEY_WEIGHTS,
                MultiHeadAttentionParams.KEY_BIAS, gradients)
                .addi(backProject(keyValueRows, dVRows, MultiHeadAttentionParams.VALUE_WEIGHTS,
                        MultiHeadAttentionParams.VALUE_BIAS, gradients));
        return new INDArray[] {toNcw(dQueryRows, queries), toNcw(dKeyValueRows, keys)};
    }

    /** Fills dW = Xᵀ dY and db = Σ dY for Y = X W + b; returns dX = dY Wᵀ. */
    private INDArray backProject(INDArray x, INDArray dY, String weightKey, String biasKey,
                                 Map<String, INDArray> gradients) {
        gradients.get(weightKey).assign(x.transpose().mmul(dY));
        gradients.get(biasKey).assign(dY.sum(true, 0));
        return dY.mmul(param(weightKey).transpose());
    }

    private INDArray project(INDArray x, String weightKey, String biasKey) {
        return x.mmul(param(weightKey)).addiRowVector(param(biasKey));
    }

    private INDArray param(String key) {
        return params.get(key).castTo(queryRows.dataType());
    }

    /** [b, D, T] → rows [b·T, D] (row b·T + t is step t of example b). */
    private static INDArray rows(INDArray ncw) {
        return ncw.permute(0, 2, 1).dup('c').reshape('c', ncw.size(0) * ncw.size(2), ncw.size(1));
    }

    /** Rows [b·T, D] → NCW [b, D, T]. */
    private INDArray toNcw(INDArray rows, long steps) {
        return rows.reshape('c', batch, steps, modelDim).permute(0, 2, 1).dup('c');
    }

    /** Rows [b·T, D] → heads [b, E, T, d]: head e takes columns e·d … (e+1)·d − 1. */
    private INDArray splitHeads(INDArray rows, long steps) {
        return rows.reshape('c', batch, steps, heads, headDim).permute(0, 2, 1, 3).dup('c');
    }

    /** Heads [b, E, T, d] → rows [b·T, D], the concatenation [A_1, …, A_E] at each step. */
    private INDArray mergeHeads(INDArray perHead, long steps) {
        return perHead.permute(0, 2, 1, 3).dup('c').reshape('c', batch * steps, modelDim);
    }

    /** Row-wise softmax over the last axis (keys), in place: ND4J's native op, which subtracts the row maximum. */
    private static INDArray softmaxOverKeys(INDArray scores) {
        Nd4j.exec(new SoftMax(scores, scores, 3));
        return scores;
    }
}
