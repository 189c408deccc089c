package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

/** The course's rule on plain arrays, checked by hand, without Spark. */
class PerceptronWeightsTest {

    @Test
    void psiIsPlusOneOnlyForPositiveScores() {
        assertEquals(1, PerceptronWeights.psi(1e-300));
        assertEquals(-1, PerceptronWeights.psi(0.0), "psi(0) = -1 + 2 I[0 > 0] = -1");
        assertEquals(-1, PerceptronWeights.psi(-0.0));
        assertEquals(-1, PerceptronWeights.psi(-3));
    }

    @Test
    void aMistakeAddsYTimesXAndYAndACorrectRowChangesNothing() {
        // rows x1 = (1, 2) with y = +1, x2 = (3, 1) with y = -1, x3 = (-1, -1) with y = -1
        double[] rows = {1, 2, 3, 1, -1, -1};
        PerceptronWeights w = PerceptronWeights.zeros(2);

        // x3 at w = 0, b = 0: score 0, psi = -1 = y, no update
        assertFalse(w.learn(rows, 2, -1));
        assertArrayEquals(new double[] {0, 0}, w.w());
        assertEquals(0, w.b());

        // x1: score 0, psi = -1 != +1, so w = (0,0) + (1,2) = (1,2), b = 0 + 1 = 1
        assertTrue(w.learn(rows, 0, 1));
        assertArrayEquals(new double[] {1, 2}, w.w());
        assertEquals(1, w.b());

        // x2: score 1*3 + 2*1 + 1 = 6 > 0, psi = +1 != -1, so w = (1,2) - (3,1) = (-2,1), b = 1 - 1 = 0
        assertEquals(6, w.score(rows, 1));
        assertTrue(w.learn(rows, 1, -1));
        assertArrayEquals(new double[] {-2, 1}, w.w());
        assertEquals(0, w.b());

        // x1 again: score -2 + 2 + 0 = 0, psi = -1 != +1, so w = (-1, 3), b = 1
        assertTrue(w.learn(rows, 0, 1));
        assertArrayEquals(new double[] {-1, 3}, w.w());
        assertEquals(1, w.b());
    }

    @Test
    void denseSparseAndBlockScoresAgree() {
        PerceptronWeights w = new PerceptronWeights(new double[] {0.5, -2, 3}, 0.25);
        double expected = 0.5 * 4 + 3 * -1 + 0.25;
        assertEquals(expected, w.score(Vectors.dense(4, 0, -1)));
        assertEquals(expected, w.score(Vectors.sparse(3, new int[] {0, 2}, new double[] {4, -1})));
        assertEquals(expected, w.score(new double[] {9, 9, 9, 4, 0, -1}, 1));
    }

    @Test
    void copiesShareNothing() {
        PerceptronWeights original = new PerceptronWeights(new double[] {1, 1}, 1);
        PerceptronWeights copy = original.copy();
        copy.learn(new double[] {5, 5}, 0, -1);
        assertArrayEquals(new double[] {1, 1}, original.w());
        assertEquals(1, original.b());
        assertArrayEquals(new double[] {-4, -4}, copy.w());
    }

    @Test
    void uniformMixingAveragesTheWorkersThatHadRows() {
        EpochSum a = EpochSum.of(new PerceptronWeights(new double[] {1, 4}, 1), 3, 10);
        EpochSum b = EpochSum.of(new PerceptronWeights(new double[] {3, 0}, -2), 1, 7);
        EpochSum sum = EpochSum.empty().merge(a).merge(EpochSum.empty()).merge(b);
        assertEquals(2, sum.workers(), "an empty partition does not dilute the average");
        assertEquals(4, sum.mistakes());
        assertEquals(17, sum.rows());
        PerceptronWeights mixed = sum.average();
        assertArrayEquals(new double[] {2, 2}, mixed.w());
        assertEquals(-0.5, mixed.b());
    }
}
