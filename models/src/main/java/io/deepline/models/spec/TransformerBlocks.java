package io.deepline.models.spec;

import io.deepline.models.layers.ClassToken;
import io.deepline.models.layers.FirstStep;
import io.deepline.models.layers.LayerNorm;
import io.deepline.models.layers.MultiHeadAttention;
import io.deepline.models.layers.PositionWiseDense;
import io.deepline.models.layers.PositionalEncoding;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Adds Transformer pieces (Vaswani et al. 2017; course §8.3) to a DL4J graph, all on NCW [batch, D, T] activations
 * with the sequences' feature masks:
 * <pre>
 *   embed:         tokens → embedding (N(0, 1)) | vectors → linear D_in → D;   + positional encoding;   dropout
 *   encoder block: x → x₁ = Norm(x, SelfAttention) → Norm(x₁, FeedForward)
 *   decoder block: y → y₁ = Norm(y, CausalSelfAttention) → y₂ = Norm(y₁, CrossAttention(·, encoder)) → Norm(y₂, FeedForward)
 *   Norm(x, f) =   LN(x + dropout(f(x)))      post-norm (Vaswani et al.)
 *              =   x + dropout(f(LN(x)))      preNorm, and the stack ends with a LayerNorm
 *   FeedForward:   W₂ relu(W₁ x + b₁) + b₂ at every position (D → ffDim → D)
 * </pre>
 * Attention is our {@link MultiHeadAttention} vertex, normalisation our {@link LayerNorm} (over the D features of
 * each position), the feed-forward network two {@link PositionWiseDense} layers (DL4J's {@code TimeDistributed}
 * masks the wrong positions in M2.1), residual sums DL4J's {@link ElementWiseVertex}. Every vertex name starts with the block's prefix.
 */
final class TransformerBlocks {
    private final GraphBuilder graph;
    private final TransformerShape shape;
    private final IUpdater updater;
    private final double l2;

    /**
     * @param updater the graph's updater, handed to the attention vertices (DL4J gives vertices no global settings)
     * @param l2      DL4J's L2 coefficient for the attention vertices' weights (the layers get the global one)
     */
    TransformerBlocks(GraphBuilder graph, TransformerShape shape, IUpdater updater, double l2) {
        this.graph = graph;
        this.shape = shape;
        this.updater = updater;
        this.l2 = l2;
    }

    /** Token ids [b, 1, T] → [b, D, T]: a lookup table on the scale of the positional encodings, then {@link #position}. */
    String embedTokens(String input, int vocabularySize, boolean positional, String name) {
        graph.addLayer(name, new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(shape.modelDim())
                .inferInputLength(true).hasBias(false).weightInit(new NormalDistribution(0, 1)).build(), input);
        return position(name, positional, name);
    }

    /** Vectors [b, D_in, T] → [b, D, T]: a linear map at every position, then {@link #position}. */
    String embedVectors(String input, int width, boolean positional, String name) {
        graph.addLayer(name, perPosition(width, shape.modelDim(), Activation.IDENTITY), input);
        return position(name, positional, name);
    }

    /** Adds the positional encodings (if asked) and the embedding dropout. */
    private String position(String input, boolean positional, String prefix) {
        String out = input;
        if (positional) {
            graph.addLayer(prefix + "Position", new PositionalEncoding(), out);
            out = prefix + "Position";
        }
        return dropout(out, prefix + "Dropout");
    }

    /** Prepends the learned [CLS] vector as position 0 (the mask grows by one real step). */
    String prependClassToken(String input, String name) {
        graph.addLayer(name, new ClassToken.Builder().nIn(shape.modelDim()).build(), input);
        return name;
    }

    /** The output at position 0, [b, D]: the [CLS] summary. */
    String firstPosition(String input, String name) {
        graph.addLayer(name, new FirstStep(), input);
        return name;
    }

    /** {@link TransformerShape#numLayers()} encoder blocks over {@code input}; returns the last vertex. */
    String encoder(String input, String prefix) {
        String x = input;
        for (int i = 0; i < shape.numLayers(); i++) {
            String block = prefix + i;
            x = sublayer(x, block + "SelfAttention", in -> attention(block + "SelfAttention", false, in));
            x = sublayer(x, block + "FeedForward", in -> feedForward(block + "FeedForward", in));
        }
        return finalNorm(x, prefix);
    }

    /** Decoder blocks over {@code input} (the shifted targets), attending to {@code encoderOutput}. */
    String decoder(String input, String encoderOutput, String prefix) {
        String y = input;
        for (int i = 0; i < shape.numLayers(); i++) {
            String block = prefix + i;
            y = sublayer(y, block + "SelfAttention", in -> attention(block + "SelfAttention", true, in));
            y = sublayer(y, block + "CrossAttention",
                    in -> attention(block + "CrossAttention", false, in, encoderOutput));
            y = sublayer(y, block + "FeedForward", in -> feedForward(block + "FeedForward", in));
        }
        return finalNorm(y, prefix);
    }

    /** One residual sub-layer, post- or pre-norm; returns its output vertex. */
    private String sublayer(String input, String name, java.util.function.UnaryOperator<String> f) {
        if (shape.preNorm()) {
            String normed = norm(input, name + "Norm");
            String out = dropout(f.apply(normed), name + "Dropout");
            return add(input, out, name + "Residual");
        }
        String out = dropout(f.apply(input), name + "Dropout");
        return norm(add(input, out, name + "Residual"), name + "Norm");
    }

    private String finalNorm(String input, String prefix) {
        return shape.preNorm() ? norm(input, prefix + "Norm") : input;
    }

    private String attention(String name, boolean causal, String... inputs) {
        graph.addVertex(name, MultiHeadAttention.builder().modelDim(shape.modelDim()).numHeads(shape.numHeads())
                .causal(causal).updater(updater).l2(l2).build(), inputs);
        return name;
    }

    private String feedForward(String name, String input) {
        graph.addLayer(name + "Hidden", perPosition(shape.modelDim(), shape.ffDim(), Activation.RELU), input);
        graph.addLayer(name, perPosition(shape.ffDim(), shape.modelDim(), Activation.IDENTITY), name + "Hidden");
        return name;
    }

    /** A dense layer applied at every position of an NCW sequence. */
    private static PositionWiseDense perPosition(int nIn, int nOut, Activation activation) {
        PositionWiseDense.Builder dense = new PositionWiseDense.Builder().nIn(nIn).nOut(nOut).activation(activation);
        if (activation == Activation.RELU) {
            dense.weightInit(WeightInit.RELU); // He for the ReLU layer (course §4.5.3); the rest take the global
        }
        return dense.build();
    }

    private String norm(String input, String name) {
        graph.addLayer(name, new LayerNorm.Builder().nIn(shape.modelDim()).build(), input);
        return name;
    }

    private String add(String a, String b, String name) {
        graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), a, b);
        return name;
    }

    private String dropout(String input, String name) {
        if (shape.dropout() <= 0) {
            return input;
        }
        // An identity layer whose (input) dropout is the sub-layer output's: DL4J's DropoutLayer multiplies a
        // feature mask as a column vector and fails on masked sequences in M2.1. DL4J takes the probability of
        // KEEPING a unit.
        graph.addLayer(name, new ActivationLayer.Builder().activation(Activation.IDENTITY)
                .dropOut(1.0 - shape.dropout()).build(), input);
        return name;
    }
}
