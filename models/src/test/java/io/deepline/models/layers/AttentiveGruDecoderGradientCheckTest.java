package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Backpropagation through time in {@link AttentiveGruDecoder} (decoder weights, and through dL/dH and dL/dX the
 * encoder and both embeddings) against central finite differences, with DL4J's gradient-check settings: double
 * precision, NoOp updater, ε = 1e-6, max relative error 1e-3, min absolute error 1e-8; random parameters
 * everywhere. Masks are ragged on both sides.
 */
@ExtendWith(DoubleDefaults.class)
class AttentiveGruDecoderGradientCheckTest {
    private static final int BATCH = 3;
    /**
     * A full source, a short one (its s_0 is h at step 1, and steps 2–3 must get no gradient), and one with a gap
     * (the last real step is 2; the padded step 1 takes no attention).
     */
    private static final double[][] SOURCE_MASK = {{1, 1, 1, 1}, {1, 1, 0, 0}, {1, 0, 1, 0}};
    /** A full target, one padded at the end, one of a single step. */
    private static final double[][] TARGET_MASK = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}};

    @ParameterizedTest
    @EnumSource(DecoderContext.class)
    void raggedMasksOnBothInputs(DecoderContext context) {
        assertTrue(check(context, Nd4j.create(SOURCE_MASK), Nd4j.create(TARGET_MASK), 21));
    }

    @Test
    void attentionWithoutMasks() {
        assertTrue(check(DecoderContext.ATTENTION, null, null, 22));
    }

    private static boolean check(DecoderContext context, INDArray sourceMask, INDArray targetMask, long seed) {
        ComputationGraph graph = DecoderGraphs.graph(context, new NoOp(), DataType.DOUBLE, seed);
        Random random = new Random(seed);
        DecoderGraphs.randomise(graph, random);
        INDArray source = DecoderGraphs.ids(random, BATCH, SOURCE_MASK[0].length, DataType.DOUBLE);
        INDArray target = DecoderGraphs.ids(random, BATCH, TARGET_MASK[0].length, DataType.DOUBLE);
        INDArray labels = DecoderGraphs.labels(random, BATCH, TARGET_MASK[0].length, DataType.DOUBLE);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {source, target}).labels(new INDArray[] {labels})
                .inputMask(sourceMask == null ? null : new INDArray[] {sourceMask, targetMask})
                .labelMask(targetMask == null ? null : new INDArray[] {targetMask})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }
}
