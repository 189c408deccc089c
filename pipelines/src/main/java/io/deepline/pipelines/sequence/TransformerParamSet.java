package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a Transformer stack (course §8.3), owned by one stage; exposed through
 * {@link HasTransformerParams}. That numHeads divides modelDim is checked when the network is built (Spark's Param
 * validators see one value at a time), before any data is read.
 */
public final class TransformerParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final IntParam modelDim;
    final IntParam numHeads;
    final IntParam ffDim;
    final IntParam numLayers;
    final BooleanParam preNorm;

    public TransformerParamSet(Params owner) {
        modelDim = new IntParam(owner, "modelDim", "features at every position of the Transformer (embeddings,"
                + " attention and block outputs), > 0 (default 32)", Validators.positiveInt());
        numHeads = new IntParam(owner, "numHeads", "attention heads, each over modelDim/numHeads features; must"
                + " divide modelDim (default 4)", Validators.positiveInt());
        ffDim = new IntParam(owner, "ffDim", "hidden units of the position-wise feed-forward network, > 0"
                + " (default 64)", Validators.positiveInt());
        numLayers = new IntParam(owner, "numLayers", "stacked Transformer blocks, > 0 (default 2)",
                Validators.positiveInt());
        preNorm = new BooleanParam(owner, "preNorm", "LayerNorm before each sub-layer (x + f(LN(x))) instead of"
                + " after the residual sum (LN(x + f(x)), Vaswani et al.) (default false)");
    }
}
