package io.deepline.models.spec;

import io.deepline.models.state.NetworkSnapshot;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A Transformer encoder with one output per sequence (course §8.3): the steps are embedded (token ids) or
 * projected (vectors) to D = modelDim features, the positional encodings are added, {@code numLayers} encoder
 * blocks run ({@link TransformerBlocks}), the outputs are pooled over the real steps (mean, or a [CLS] position)
 * and an {@link OutputHead} gives the prediction. Validated on construction.
 *
 * <p>Graph input {@value #INPUT}: NCW [b, nIn, T] (token ids: [b, 1, T]) with a feature mask [b, T]; output
 * {@value #OUTPUT}: [b, head size]. Padding never changes a prediction.
 *
 * @param input              tokens or real-valued vectors per step
 * @param vocabularySize     ids 0..vocabularySize−1 for tokens; 0 for vectors
 * @param shape              the stack's sizes, dropout and norm placement
 * @param pooling            mean or cls
 * @param positionalEncoding whether to add the positional encodings; without them the encoder cannot tell the
 *                           order of the steps (it is permutation-equivariant, course §8.3.1)
 * @param training           initialisation and optimizer
 */
public record TransformerSpec(StepInput input, int vocabularySize, TransformerShape shape, TransformerPooling pooling,
                              boolean positionalEncoding, NetworkTraining training) {
    public static final String INPUT = "features";
    public static final String OUTPUT = "output";

    public TransformerSpec {
        if (input == null || shape == null || pooling == null || training == null) {
            throw new IllegalArgumentException("a TransformerSpec needs its input kind, shape, pooling and training"
                    + " settings; got input=" + input + ", shape=" + shape + ", pooling=" + pooling);
        }
        if (input == StepInput.TOKENS && vocabularySize <= 1) {
            throw new IllegalArgumentException("vocabularySize is " + vocabularySize + "; token-id input needs the "
                    + "number of ids (> 1), e.g. TokenIndexerModel.vocabularySize()");
        }
    }

    /** The DL4J configuration (float32 params) for {@code nIn} features per step (1 for token ids). */
    public ComputationGraphConfiguration toConfiguration(int nIn, OutputHead head) {
        checkInputWidth(nIn);
        GraphBuilder graph = training.global(HiddenActivation.TANH).graphBuilder().addInputs(INPUT);
        TransformerBlocks blocks = new TransformerBlocks(graph, shape, training.vertexUpdater(), training.vertexL2());
        String x = input == StepInput.TOKENS
                ? blocks.embedTokens(INPUT, vocabularySize, positionalEncoding, "embedding")
                : blocks.embedVectors(INPUT, nIn, positionalEncoding, "embedding");
        if (pooling == TransformerPooling.CLS) {
            x = blocks.prependClassToken(x, "classToken");
        }
        String encoded = blocks.encoder(x, "encoder");
        String pooled;
        if (pooling == TransformerPooling.CLS) {
            pooled = blocks.firstPosition(encoded, "pooling");
        } else {
            graph.addLayer("pooling", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), encoded); // skips padding
            pooled = "pooling";
        }
        graph.addLayer(OUTPUT, new OutputLayer.Builder(head.loss()).nIn(shape.modelDim()).nOut(head.size())
                .activation(head.activation()).build(), pooled);
        // No setInputTypes: every nIn is explicit, and an input type would reset the embedding's nIn to 1.
        return graph.setOutputs(OUTPUT).build();
    }

    /** A freshly initialised graph; the same spec always gives the same initial weights. */
    public ComputationGraph buildGraph(int nIn, OutputHead head) {
        ComputationGraph graph = new ComputationGraph(toConfiguration(nIn, head));
        graph.init();
        return graph;
    }

    public NetworkSnapshot initialState(int nIn, OutputHead head) {
        return NetworkSnapshot.of(buildGraph(nIn, head));
    }

    private void checkInputWidth(int nIn) {
        if (input == StepInput.TOKENS && nIn != 1) {
            throw new IllegalArgumentException("token-id input reads one id per step (NCW [batch, 1, T]), so nIn must"
                    + " be 1, got " + nIn);
        }
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features per step is " + nIn + "; it must be > 0");
        }
    }
}
