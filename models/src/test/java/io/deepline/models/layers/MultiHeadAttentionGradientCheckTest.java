package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * {@link MultiHeadAttention}'s hand-written backward pass (all eight projections, and dL/dX through queries, keys
 * and values) against central finite differences, with DL4J's gradient-check settings: double precision, NoOp
 * updater, ε = 1e-6, max relative error 1e-3, min absolute error 1e-8; random parameters. Key masks are ragged.
 */
@ExtendWith(DoubleDefaults.class)
class MultiHeadAttentionGradientCheckTest {
    private static final double[][] MASK = {{1, 1, 1, 1}, {1, 1, 0, 0}, {1, 0, 0, 0}};
    private static final double[][] SOURCE_MASK = {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void selfAttentionWithRaggedMask(boolean causal) {
        Random random = new Random(causal ? 31 : 32);
        ComputationGraph graph = AttentionGraphs.selfAttention(causal, new NoOp(), DataType.DOUBLE, 7);
        AttentionGraphs.randomise(graph, random);
        INDArray mask = Nd4j.create(MASK);
        assertTrue(check(graph, new INDArray[] {AttentionGraphs.features(random, 3, 4, DataType.DOUBLE)},
                new INDArray[] {mask}, AttentionGraphs.labels(random, 3, 4, DataType.DOUBLE), mask));
    }

    @Test
    void selfAttentionWithoutMask() {
        Random random = new Random(33);
        ComputationGraph graph = AttentionGraphs.selfAttention(false, new NoOp(), DataType.DOUBLE, 8);
        AttentionGraphs.randomise(graph, random);
        assertTrue(check(graph, new INDArray[] {AttentionGraphs.features(random, 2, 3, DataType.DOUBLE)}, null,
                AttentionGraphs.labels(random, 2, 3, DataType.DOUBLE), null));
    }

    @Test
    void crossAttentionWithRaggedMasksOnBothSides() {
        Random random = new Random(34);
        ComputationGraph graph = AttentionGraphs.crossAttention(new NoOp(), DataType.DOUBLE, 9);
        AttentionGraphs.randomise(graph, random);
        INDArray queryMask = Nd4j.create(MASK);
        INDArray[] inputs = {AttentionGraphs.features(random, 3, 4, DataType.DOUBLE),
                AttentionGraphs.features(random, 3, 5, DataType.DOUBLE)};
        assertTrue(check(graph, inputs, new INDArray[] {queryMask, Nd4j.create(SOURCE_MASK)},
                AttentionGraphs.labels(random, 3, 4, DataType.DOUBLE), queryMask));
    }

    private static boolean check(ComputationGraph graph, INDArray[] inputs, INDArray[] inputMasks, INDArray labels,
                                 INDArray labelMask) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph).inputs(inputs)
                .labels(new INDArray[] {labels}).inputMask(inputMasks)
                .labelMask(labelMask == null ? null : new INDArray[] {labelMask})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }
}
