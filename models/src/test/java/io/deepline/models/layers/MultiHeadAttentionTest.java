package io.deepline.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * {@link MultiHeadAttention}'s forward pass against the course's equations written out per example and per head,
 * its masks (padding and causality), its JSON and its errors.
 */
class MultiHeadAttentionTest {
    private static final double[][] MASK = {{1, 1, 1, 1}, {1, 1, 0, 0}};

    @Test
    void outputIsTheConcatenatedHeadsOfEquation34ProjectedByWo() {
        Random random = new Random(1);
        ComputationGraph graph = AttentionGraphs.selfAttention(false, new NoOp(), DataType.DOUBLE, 1);
        AttentionGraphs.randomise(graph, random);
        INDArray x = AttentionGraphs.features(random, 2, 4, DataType.DOUBLE);
        INDArray mask = Nd4j.create(MASK);
        INDArray actual = attentionOutput(graph, x, mask);
        Map<String, INDArray> p = graph.getVertex("attention").paramTable(false);
        for (int e = 0; e < 2; e++) {
            INDArray expected = courseMultiHead(x.get(NDArrayIndex.point(e)).transpose(), p, mask.getRow(e), false);
            assertTrue(expected.equalsWithEps(actual.get(NDArrayIndex.point(e)).transpose(), 1e-10),
                    "example " + e + ": " + expected + " vs " + actual.get(NDArrayIndex.point(e)).transpose());
        }
    }

    @Test
    void causalOutputsMatchTheFormulaWithFutureKeysRemoved() {
        Random random = new Random(2);
        ComputationGraph graph = AttentionGraphs.selfAttention(true, new NoOp(), DataType.DOUBLE, 2);
        AttentionGraphs.randomise(graph, random);
        INDArray x = AttentionGraphs.features(random, 2, 4, DataType.DOUBLE);
        INDArray actual = attentionOutput(graph, x, null);
        Map<String, INDArray> p = graph.getVertex("attention").paramTable(false);
        for (int e = 0; e < 2; e++) {
            INDArray expected = courseMultiHead(x.get(NDArrayIndex.point(e)).transpose(), p, Nd4j.ones(1, 4), true);
            assertTrue(expected.equalsWithEps(actual.get(NDArrayIndex.point(e)).transpose(), 1e-10));
        }
    }

    @Test
    void paddedKeysNeverChangeARealPosition() {
        Random random = new Random(3);
        ComputationGraph graph = AttentionGraphs.selfAttention(false, new NoOp(), DataType.DOUBLE, 3);
        AttentionGraphs.randomise(graph, random);
        INDArray x = AttentionGraphs.features(random, 2, 4, DataType.DOUBLE);
        INDArray mask = Nd4j.create(MASK);
        INDArray before = attentionOutput(graph, x, mask);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.interval(2, 4)).assign(1e3);
        INDArray after = attentionOutput(graph, changed, mask);
        assertEquals(before.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.interval(0, 2)),
                after.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.interval(0, 2)));
        assertEquals(before.get(NDArrayIndex.point(0)), after.get(NDArrayIndex.point(0)));
        // and the same sequence alone, unpadded, gives the same real outputs
        INDArray alone = attentionOutput(graph, x.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all(),
                NDArrayIndex.interval(0, 2)).dup(), null);
        assertTrue(alone.equalsWithEps(after.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all(),
                NDArrayIndex.interval(0, 2)), 1e-10));
    }

    @Test
    void causalAttentionNeverSeesALaterStep() {
        Random random = new Random(4);
        ComputationGraph graph = AttentionGraphs.selfAttention(true, new NoOp(), DataType.DOUBLE, 4);
        AttentionGraphs.randomise(graph, random);
        INDArray x = AttentionGraphs.features(random, 1, 5, DataType.DOUBLE);
        INDArray before = attentionOutput(graph, x, null);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(3)).addi(5.0);
        INDArray after = attentionOutput(graph, changed, null);
        assertEquals(before.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 3)),
                after.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 3)));
        assertNotEquals(before.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(3)),
                after.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(3)));
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        ComputationGraphConfiguration conf = AttentionGraphs.selfAttention(true, new Adam(0.01), DataType.FLOAT, 5)
                .getConfiguration();
        ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf, restored);
        MultiHeadAttention attention = (MultiHeadAttention) restored.getVertices().get("attention");
        assertTrue(attention.causal());
        assertEquals(AttentionGraphs.HEADS, attention.numHeads());
        assertEquals(new Adam(0.01), attention.updater());
    }

    @Test
    void numHeadsMustDivideModelDim() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiHeadAttention.builder().modelDim(6).numHeads(4).updater(new NoOp()).build());
        assertTrue(e.getMessage().contains("numHeads is 4") && e.getMessage().contains("divide modelDim 6"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MultiHeadAttention.builder().modelDim(4).numHeads(2).build()); // no updater
        assertThrows(IllegalArgumentException.class,
                () -> MultiHeadAttention.builder().modelDim(0).updater(new NoOp()).build());
    }

    @Test
    void aFullyPaddedKeySequenceIsRefused() {
        ComputationGraph graph = AttentionGraphs.selfAttention(false, new NoOp(), DataType.DOUBLE, 6);
        INDArray x = AttentionGraphs.features(new Random(6), 2, 3, DataType.DOUBLE);
        INDArray mask = Nd4j.create(new double[][] {{1, 1, 1}, {0, 0, 0}});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> graph.output(false, new INDArray[] {x}, new INDArray[] {mask}));
        assertTrue(e.getMessage().contains("no real step"), e.getMessage());
    }

    private static INDArray attentionOutput(ComputationGraph graph, INDArray x, INDArray mask) {
        graph.setLayerMaskArrays(mask == null ? null : new INDArray[] {mask}, null);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {x}, false, false);
        graph.clearLayerMaskArrays();
        return activations.get("attention");
    }

    /**
     * Eq. 34 for one example X [T, D], written out head by head with explicit loops over the keys: the keys with
     * mask 0 (and, if causal, those after the query) are left out of the softmax.
     */
    private static INDArray courseMultiHead(INDArray x, Map<String, INDArray> p, INDArray mask, boolean causal) {
        int steps = (int) x.size(0);
        int d = AttentionGraphs.MODEL_DIM / AttentionGraphs.HEADS;
        INDArray q = x.mmul(p.get("Wq")).addRowVector(p.get("bq"));
        INDArray k = x.mmul(p.get("Wk")).addRowVector(p.get("bk"));
        INDArray v = x.mmul(p.get("Wv")).addRowVector(p.get("bv"));
        INDArray heads = Nd4j.zeros(DataType.DOUBLE, steps, AttentionGraphs.MODEL_DIM);
        for (int e = 0; e < AttentionGraphs.HEADS; e++) {
            for (int i = 0; i < steps; i++) {
                double[] scores = new double[steps];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < steps; j++) {
                    boolean visible = mask.getDouble(j) > 0 && (!causal || j <= i);
                    scores[j] = visible ? dot(q, k, i, j, e * d, d) / Math.sqrt(d) : Double.NEGATIVE_INFINITY;
                    max = Math.max(max, scores[j]);
                }
                double sum = 0;
                for (int j = 0; j < steps; j++) {
                    scores[j] = Math.exp(scores[j] - max);
                    sum += scores[j];
                }
                for (int c = 0; c < d; c++) {
                    double value = 0;
                    for (int j = 0; j < steps; j++) {
                        value += scores[j] / sum * v.getDouble(j, e * d + c);
                    }
                    heads.putScalar(i, e * d + c, value);
                }
            }
        }
        return heads.mmul(p.get("Wo")).addRowVector(p.get("bo"));
    }

    private static double dot(INDArray q, INDArray k, int i, int j, int offset, int length) {
        double sum = 0;
        for (int c = 0; c < length; c++) {
            sum += q.getDouble(i, offset + c) * k.getDouble(j, offset + c);
        }
        return sum;
    }
}
