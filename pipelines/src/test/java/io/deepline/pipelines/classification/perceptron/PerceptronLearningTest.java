package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the perceptron learns: separable data perfectly, XOR never, and exactly the course's rule. */
@ExtendWith(SparkSessionExtension.class)
class PerceptronLearningTest {

    @Test
    void separatesLinearlySeparablePointsWithTwoWorkers(SparkSession spark) {
        Dataset<Row> data = PerceptronSamples.frame(spark, PerceptronSamples.separableRows(200, 3)).cache();
        PerceptronClassificationModel model = new PerceptronClassifier().setNumWorkers(2).fit(data);
        assertTrue(model.converged(), "the perceptron convergence theorem: " + model);
        assertEquals(0, PerceptronSamples.trainingErrors(model, data));
        long[] mistakes = model.mistakesPerEpoch();
        assertTrue(mistakes.length < 100 && mistakes[mistakes.length - 1] == 0 && mistakes[0] > 0, model.toString());
        double auc = new BinaryClassificationEvaluator().setMetricName("areaUnderROC").evaluate(model.transform(data));
        assertEquals(1.0, auc, "rawPrediction ranks every positive above every negative once they are separated");
    }

    @Test
    void separatesIrisSetosaFromVersicolorWithTwoWorkers(SparkSession spark) {
        Dataset<Row> iris = PerceptronSamples.irisTwoClasses(spark);
        assertEquals(100, iris.count());
        PerceptronClassificationModel model = new PerceptronClassifier().setNumWorkers(2).fit(iris);
        assertTrue(model.converged(), model.toString());
        assertEquals(0, PerceptronSamples.trainingErrors(model, iris));
    }

    @Test
    void cannotLearnXor(SparkSession spark) {
        Dataset<Row> xor = PerceptronSamples.frame(spark, PerceptronSamples.xorRows(10)).cache();
        PerceptronClassificationModel model = new PerceptronClassifier().setMaxIter(15).setNumWorkers(2).fit(xor);
        assertFalse(model.converged(), "no line separates XOR (Minsky and Papert): " + model);
        assertEquals(15, model.mistakesPerEpoch().length, "it ran every epoch");
        assertTrue(Arrays.stream(model.mistakesPerEpoch()).allMatch(m -> m > 0), model.toString());
        assertTrue(PerceptronSamples.trainingErrors(model, xor) >= 10, "at least one of the 4 points is wrong");
    }

    /** The course's rule, written out plainly: rows in a fixed order, visited per epoch in the given shuffle. */
    private record Sequential(double[] w, double b, long[] mistakesPerEpoch, boolean converged) {
        static Sequential run(List<Row> rows, int maxIter, long seed) {
            int n = rows.size();
            int d = ((Vector) rows.get(0).get(0)).size();
            double[] w = new double[d];
            double b = 0;
            List<Long> mistakes = new ArrayList<>();
            boolean converged = false;
            for (int epoch = 0; epoch < maxIter && !converged; epoch++) {
                long m = 0;
                for (int i : Shuffles.permutation(n, seed, epoch, 0)) {
                    double[] x = ((Vector) rows.get(i).get(0)).toArray();
                    int y = rows.get(i).getDouble(1) == 1.0 ? 1 : -1;
                    double z = b;
                    for (int j = 0; j < d; j++) {
                        z += w[j] * x[j];
                    }
                    int yHat = z > 0 ? 1 : -1;
                    if (yHat != y) {
                        for (int j = 0; j < d; j++) {
                            w[j] += y * x[j];
                        }
                        b += y;
                        m++;
                    }
                }
                mistakes.add(m);
                converged = m == 0;
            }
            return new Sequential(w, b, mistakes.stream().mapToLong(Long::longValue).toArray(), converged);
        }
    }

    private static void assertOneWorkerIsSequential(SparkSession spark, List<Row> rows, int maxIter, long seed) {
        PerceptronClassificationModel model = new PerceptronClassifier().setNumWorkers(1).setMaxIter(maxIter)
                .setSeed(seed).fit(PerceptronSamples.frame(spark, rows));
        Sequential expected = Sequential.run(rows, maxIter, seed);
        assertArrayEquals(expected.mistakesPerEpoch(), model.mistakesPerEpoch());
        assertArrayEquals(expected.w(), model.weights().toArray(), "bit-identical weights");
        assertEquals(expected.b(), model.intercept());
        assertEquals(expected.converged(), model.converged());
    }

    @Test
    void oneWorkerIsExactlyTheSequentialRule(SparkSession spark) {
        List<Row> separable = PerceptronSamples.separableRows(120, 8);
        assertOneWorkerIsSequential(spark, separable, 100, 5);
        assertTrue(Sequential.run(separable, 100, 5).mistakesPerEpoch().length > 2, "several epochs compared");
        assertOneWorkerIsSequential(spark, PerceptronSamples.xorRows(3), 7, 42);
    }

    @Test
    void firstEpochOnTwoPointsIsTheHandComputedUpdate(SparkSession spark) {
        // x1 = (1, 2) with label 1 (y = +1) and x2 = (3, 1) with label 0 (y = -1), from w = 0, b = 0.
        Dataset<Row> twoPoints = PerceptronSamples.frame(spark, List.of(
                RowFactory.create(Vectors.dense(1, 2), 1.0), RowFactory.create(Vectors.dense(3, 1), 0.0)));
        boolean[] seen = new boolean[2];
        for (long seed = 0; !(seen[0] && seen[1]); seed++) {
            boolean x1First = Shuffles.permutation(2, seed, 0, 0)[0] == 0;
            if (seen[x1First ? 0 : 1]) {
                continue;
            }
            seen[x1First ? 0 : 1] = true;
            PerceptronClassificationModel model = new PerceptronClassifier().setNumWorkers(1).setMaxIter(1)
                    .setSeed(seed).fit(twoPoints);
            if (x1First) {
                // x1: psi(0) = -1 != +1, so w = (1, 2), b = 1; x2: psi(3 + 2 + 1) = +1 != -1, so w = (-2, 1), b = 0
                assertArrayEquals(new double[] {-2, 1}, model.weights().toArray());
                assertEquals(0.0, model.intercept());
                assertArrayEquals(new long[] {2}, model.mistakesPerEpoch());
            } else {
                // x2: psi(0) = -1 = y, no update; x1: psi(0) = -1 != +1, so w = (1, 2), b = 1
                assertArrayEquals(new double[] {1, 2}, model.weights().toArray());
                assertEquals(1.0, model.intercept());
                assertArrayEquals(new long[] {1}, model.mistakesPerEpoch());
            }
            assertFalse(model.converged(), "one epoch with mistakes proves nothing yet");
        }
    }

    @Test
    void singleRowPredictionsEqualTransform(SparkSession spark) {
        Dataset<Row> data = PerceptronSamples.frame(spark, PerceptronSamples.separableRows(30, 4));
        PerceptronClassificationModel model = new PerceptronClassifier().setMaxIter(2).setNumWorkers(2).fit(data);
        double[] w = model.weights().toArray();
        List<Row> scored = model.transform(data).select("features", "rawPrediction", "prediction").collectAsList();
        for (Row row : scored) {
            Vector x = row.getAs(0);
            Vector raw = row.getAs(1);
            double z = w[0] * x.apply(0) + w[1] * x.apply(1) + model.intercept();
            assertArrayEquals(new double[] {-z, z}, raw.toArray(), 1e-12, "rawPrediction = [-(w.x+b), w.x+b]");
            assertEquals(z > 0 ? 1.0 : 0.0, row.getDouble(2));
            assertEquals(raw, model.predictRaw(x));
            assertEquals(row.getDouble(2), model.predict(x));
        }
        assertTrue(scored.stream().anyMatch(r -> r.getDouble(2) == 1.0)
                && scored.stream().anyMatch(r -> r.getDouble(2) == 0.0), "both classes predicted: " + model);
    }
}
