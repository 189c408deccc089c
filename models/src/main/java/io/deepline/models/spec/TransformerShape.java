package io.deepline.models.spec;

/**
 * The size of a Transformer stack (course §8.3; Vaswani et al. 2017), shared by the classifier and the
 * encoder-decoder. Validated on construction, naming the first bad value.
 *
 * @param modelDim  D, the features at every position (embeddings, attention, block outputs)
 * @param numHeads  E attention heads of D/E features each; must divide D
 * @param ffDim     hidden units of the position-wise feed-forward network
 * @param numLayers stacked blocks (encoder blocks, and as many decoder blocks)
 * @param dropout   probability of dropping a unit of the embeddings and of every sub-layer's output before its
 *                  residual sum, while training; in [0, 1)
 * @param preNorm   LayerNorm before each sub-layer (x + f(LN(x)), with a final LayerNorm) instead of Vaswani
 *                  et al.'s post-norm LN(x + f(x))
 */
public record TransformerShape(int modelDim, int numHeads, int ffDim, int numLayers, double dropout,
                               boolean preNorm) {

    public TransformerShape {
        if (modelDim <= 0) {
            throw new IllegalArgumentException("modelDim is " + modelDim + "; the features per position must be > 0");
        }
        if (numHeads <= 0 || modelDim % numHeads != 0) {
            throw new IllegalArgumentException("numHeads is " + numHeads + " but it must be > 0 and divide modelDim "
                    + modelDim + " (each head attends over modelDim/numHeads features); choose a divisor of "
                    + modelDim + " such as 1, 2 or " + modelDim + ", or change modelDim");
        }
        if (ffDim <= 0) {
            throw new IllegalArgumentException("ffDim is " + ffDim + "; the feed-forward network's hidden units "
                    + "must be > 0 (commonly 4 × modelDim)");
        }
        if (numLayers <= 0) {
            throw new IllegalArgumentException("numLayers is " + numLayers + "; a Transformer needs >= 1 block");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is " + dropout + "; it must be in [0, 1)");
        }
    }

    /** A small default: D = 32, 4 heads, 64 feed-forward units, 2 blocks, no dropout, post-norm. */
    public static TransformerShape small() {
        return new TransformerShape(32, 4, 64, 2, 0.0, false);
    }
}
