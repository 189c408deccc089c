package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Iterative parameter mixing on Spark: each epoch is the mean of the partitions' independent passes. */
@ExtendWith(SparkSessionExtension.class)
class ParameterMixingTest {
    private static final long SEED = 11;

    // Worker A holds XOR, which no line separates, so every epoch makes mistakes and all epochs run.
    private static final SignedRows A = SignedRows.of(2, new double[] {0, 0, 0, 1, 1, 0, 1, 1},
            new int[] {-1, 1, 1, -1});
    private static final SignedRows B = SignedRows.of(2, new double[] {0.5, -1, -2, 1, 2.5, 2},
            new int[] {-1, 1, -1});
    private static final SignedRows EMPTY = SignedRows.of(2, new double[0], new int[0]);

    @Test
    void eachEpochAveragesTheIndependentPassesOfThePartitionsWithRows(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Partition 1 is empty: it must neither count in the average nor shift partition 2's shuffle seed.
        JavaRDD<SignedRows> blocks = sc.parallelize(List.of(A, EMPTY, B), 3);
        int maxIter = 4;
        ParameterMixing.Result result = new ParameterMixing(maxIter, SEED).train(blocks, 2);

        PerceptronWeights expected = PerceptronWeights.zeros(2);
        List<Long> mistakes = new ArrayList<>();
        for (int epoch = 0; epoch < maxIter; epoch++) {
            EpochSum a = PerceptronEpoch.pass(expected, A, SEED, epoch, 0);
            EpochSum b = PerceptronEpoch.pass(expected, B, SEED, epoch, 2);
            EpochSum sum = EpochSum.empty().merge(a).merge(b);
            expected = sum.average();
            mistakes.add(sum.mistakes());
        }
        assertArrayEquals(expected.w(), result.weights().w());
        assertEquals(expected.b(), result.weights().b());
        assertArrayEquals(mistakes.stream().mapToLong(Long::longValue).toArray(), result.mistakesPerEpoch());
        assertFalse(result.converged(), "XOR is not separable, so every epoch makes mistakes");
    }

    @Test
    void theFirstEpochOfTwoWorkersIsTheMeanOfTwoPassesFromZero(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ParameterMixing.Result result = new ParameterMixing(1, SEED).train(sc.parallelize(List.of(A, B), 2), 2);
        PerceptronWeights a = PerceptronEpoch.pass(PerceptronWeights.zeros(2), A, SEED, 0, 0).average();
        PerceptronWeights b = PerceptronEpoch.pass(PerceptronWeights.zeros(2), B, SEED, 0, 1).average();
        assertArrayEquals(new double[] {(a.w()[0] + b.w()[0]) / 2, (a.w()[1] + b.w()[1]) / 2},
                result.weights().w());
        assertEquals((a.b() + b.b()) / 2, result.weights().b());
        assertEquals(1, result.mistakesPerEpoch().length);
    }
}
