package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** {@link AttentiveGruDecoder}'s forward pass against the plain-Java reference, its masks, JSON and checks. */
class AttentiveGruDecoderTest {
    private static final int N = 3;
    private static final int E = 2;
    private static final double[][] SOURCE_MASK = {{1, 1, 1, 1}, {1, 1, 0, 0}, {1, 0, 1, 0}, {0, 0, 0, 0}};
    private static final double[][] TARGET_MASK = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}, {1, 1, 1}};

    /** The vertex fed directly by the graph inputs h [b, n, T] and x [b, E, T'], so its output can be read. */
    private static ComputationGraph direct(DecoderContext context) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).updater(new NoOp()).graphBuilder()
                .addInputs("h", "x")
                .addVertex("decoder", AttentiveGruDecoder.builder().inputSize(E).hiddenSize(N).context(context)
                        .updater(new NoOp()).build(), "h", "x")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(2 * N).nOut(2)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build(), "decoder")
                .setOutputs("out").build());
        graph.init();
        DecoderGraphs.randomise(graph, new Random(4));
        return graph;
    }

    /** The decoder's GRU weights; a vertex is not a layer, so they come from its parameter table. */
    private static CourseGru gruOf(ComputationGraph graph) {
        java.util.Map<String, INDArray> params = graph.getVertex("decoder").paramTable(false);
        INDArray inputWeights = Nd4j.vstack(params.get("W"), params.get("WC")); // the step input is [x; c]
        return new CourseGru(inputWeights.toDoubleMatrix(), params.get("RW").toDoubleMatrix(),
                params.get("b").toDoubleVector());
    }

    private static INDArray decoderOutput(ComputationGraph graph, INDArray h, INDArray x, INDArray[] masks) {
        graph.setLayerMaskArrays(masks, null);
        INDArray out = graph.feedForward(new INDArray[] {h, x}, false, false).get("decoder").dup();
        graph.clearLayerMaskArrays();
        return out;
    }

    @ParameterizedTest
    @EnumSource(DecoderContext.class)
    void forwardMatchesTheCourseEquationsWithRaggedMasks(DecoderContext context) {
        ComputationGraph graph = direct(context);
        Random random = new Random(5);
        double[][][] h = CourseGru.randomSequences(random, SOURCE_MASK.length, SOURCE_MASK[0].length, N);
        double[][][] x = CourseGru.randomSequences(random, TARGET_MASK.length, TARGET_MASK[0].length, E);
        INDArray out = decoderOutput(graph, CourseGru.ncw(h, DataType.DOUBLE), CourseGru.ncw(x, DataType.DOUBLE),
                new INDArray[] {Nd4j.create(SOURCE_MASK), Nd4j.create(TARGET_MASK)});

        double[][][] expected = new CourseAttentiveDecoder(gruOf(graph), context)
                .run(h, SOURCE_MASK, x, TARGET_MASK);
        assertEquals(0.0, CourseGru.maxAbsDiff(CourseGru.fromNcw(out), expected), 1e-12);
    }

    @Test
    void withoutMasksEveryStepIsReal() {
        ComputationGraph graph = direct(DecoderContext.ATTENTION);
        Random random = new Random(6);
        double[][][] h = CourseGru.randomSequences(random, 2, 4, N);
        double[][][] x = CourseGru.randomSequences(random, 2, 3, E);
        INDArray out = decoderOutput(graph, CourseGru.ncw(h, DataType.DOUBLE), CourseGru.ncw(x, DataType.DOUBLE), null);
        double[][][] expected = new CourseAttentiveDecoder(gruOf(graph), DecoderContext.ATTENTION)
                .run(h, null, x, null);
        assertEquals(0.0, CourseGru.maxAbsDiff(CourseGru.fromNcw(out), expected), 1e-12);
    }

    /** Whatever sits at masked encoder steps (DL4J's LSTM, say, leaves values there) changes nothing. */
    @ParameterizedTest
    @EnumSource(DecoderContext.class)
    void maskedEncoderStepsAreIgnored(DecoderContext context) {
        ComputationGraph graph = direct(context);
        Random random = new Random(7);
        INDArray h = CourseGru.ncw(CourseGru.randomSequences(random, 4, 4, N), DataType.DOUBLE);
        INDArray x = CourseGru.ncw(CourseGru.randomSequences(random, 4, 3, E), DataType.DOUBLE);
        INDArray[] masks = {Nd4j.create(SOURCE_MASK), Nd4j.create(TARGET_MASK)};
        INDArray before = decoderOutput(graph, h, x, masks);
        INDArray noisy = h.add(Nd4j.randn(DataType.DOUBLE, h.shape()).muli(Broadcastable.masked(SOURCE_MASK, N)));
        assertEquals(before, decoderOutput(graph, noisy, x, masks));
        assertNotEquals(before, decoderOutput(graph, h.add(1.0), x, masks)); // the real steps do matter
    }

    @Test
    void attentionAndLastDifferButHaveTheSameParameters() {
        ComputationGraph attention = direct(DecoderContext.ATTENTION);
        ComputationGraph last = direct(DecoderContext.LAST);
        assertEquals(attention.params(), last.params());
        Random random = new Random(8);
        INDArray h = CourseGru.ncw(CourseGru.randomSequences(random, 2, 4, N), DataType.DOUBLE);
        INDArray x = CourseGru.ncw(CourseGru.randomSequences(random, 2, 3, E), DataType.DOUBLE);
        assertNotEquals(decoderOutput(attention, h, x, null), decoderOutput(last, h, x, null));
        assertEquals(3L * N * (E + 2 * N + 1), attention.getVertex("decoder").numParams());
    }

    @Test
    void configurationRoundTripsThroughJson() {
        ComputationGraphConfiguration conf = DecoderGraphs.configuration(DecoderContext.LAST, new Sgd(0.3),
                DataType.FLOAT, 9);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf.getVertices().get("decoder"), back.getVertices().get("decoder"));
        assertEquals(conf, back);
        AttentiveGruDecoder decoder = (AttentiveGruDecoder) back.getVertices().get("decoder");
        assertEquals(DecoderContext.LAST, decoder.context());
        assertEquals(new Sgd(0.3), decoder.updater());
        ComputationGraph restored = new ComputationGraph(back);
        restored.init();
        ComputationGraph original = new ComputationGraph(conf);
        original.init();
        assertEquals(original.params(), restored.params());
    }

    @Test
    void builderRejectsBadSettingsNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentiveGruDecoder.builder().inputSize(0)
                .hiddenSize(N).updater(new NoOp()).build()).getMessage().contains("inputSize is 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentiveGruDecoder.builder().inputSize(E)
                .hiddenSize(-1).updater(new NoOp()).build()).getMessage().contains("hiddenSize is -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentiveGruDecoder.builder().inputSize(E)
                .hiddenSize(N).build()).getMessage().contains(".updater("));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AttentiveGruDecoder.builder().inputSize(E)
                .hiddenSize(N).updater(new NoOp()).l2(-1).build()).getMessage().contains("l2 is -1"));
    }

    @Test
    void encoderOfAnotherSizeIsRefusedWithInputTypes() {
        AttentiveGruDecoder decoder = AttentiveGruDecoder.builder().inputSize(E).hiddenSize(N).updater(new NoOp())
                .build();
        Exception e = assertThrows(RuntimeException.class, () -> decoder.getOutputType(0,
                InputType.recurrent(N + 1), InputType.recurrent(E)));
        assertTrue(e.getMessage().contains("hiddenSize " + N), e.getMessage());
        assertEquals(InputType.recurrent(2 * N, 5), decoder.getOutputType(0, InputType.recurrent(N, 7),
                InputType.recurrent(E, 5)));
    }

    @Test
    void wrongInputsAndMasksAreRefusedNamingThem() {
        ComputationGraph graph = direct(DecoderContext.ATTENTION);
        INDArray h = Nd4j.rand(DataType.DOUBLE, 2, N, 4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, E, 3);
        IllegalStateException wide = assertThrows(IllegalStateException.class,
                () -> graph.output(false, new INDArray[] {Nd4j.rand(DataType.DOUBLE, 2, N + 1, 4), x}, null, null));
        assertTrue(wide.getMessage().contains("input 0 (encoder states)"), wide.getMessage());
        IllegalStateException batches = assertThrows(IllegalStateException.class,
                () -> graph.output(false, new INDArray[] {h, Nd4j.rand(DataType.DOUBLE, 3, E, 3)}, null, null));
        assertTrue(batches.getMessage().contains("one target per source"), batches.getMessage());
        IllegalStateException mask = assertThrows(IllegalStateException.class, () -> graph.output(false,
                new INDArray[] {h, x}, new INDArray[] {Nd4j.ones(DataType.DOUBLE, 2, 5), null}, null));
        assertTrue(mask.getMessage().contains("encoder (source) mask must be [batch, T] = [2, 4]"), mask.getMessage());
    }

    /** Masks of the padded steps, broadcast over the n features: [b, n, T] with 1 where the step is padding. */
    private static final class Broadcastable {
        static INDArray masked(double[][] mask, int features) {
            INDArray out = Nd4j.zeros(DataType.DOUBLE, mask.length, features, mask[0].length);
            for (int e = 0; e < mask.length; e++) {
                for (int t = 0; t < mask[e].length; t++) {
                    if (mask[e][t] == 0) {
                        for (int f = 0; f < features; f++) {
                            out.putScalar(new long[] {e, f, t}, 1.0);
                        }
                    }
                }
            }
            return out;
        }
    }
}
