package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.regression.DeepRegressionModel;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gradientNormStop (course §1.6: stop when ‖∇J(w)‖ &lt; ε) on a convex problem, least squares with a linear model
 * trained by full-batch gradient descent: one worker, one mini-batch per epoch, so an epoch's recorded norm is the
 * exact gradient norm at the params the epoch started from, which a plain-Java gradient checks.
 */
@ExtendWith(SparkSessionExtension.class)
class GradientNormStopTest {
    private static final double STOP = 1e-3;
    private static final int MAX_EPOCHS = 300;
    private static double[][] x;
    private static double[] y;
    private static Dataset<Row> data;

    @BeforeAll
    static void data() {
        Random random = new Random(11);
        int n = 40;
        x = new double[n][];
        y = new double[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
            y[i] = 2 * x[i][0] - x[i][1] + 0.5 + 0.1 * random.nextGaussian();
            rows.add(RowFactory.create(Vectors.dense(x[i]), y[i]));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        data = SparkSessionExtension.session().createDataFrame(rows, schema).coalesce(1).cache();
    }

    private static DeepRegressor gradientDescent(int maxEpochs) {
        return new DeepRegressor().setHiddenLayers(new int[0]).setUpdater("sgd").setLearningRate(0.6)
                .setBatchSize(64).setNumWorkers(1).setSeed(3).setMaxEpochs(maxEpochs);
    }

    @Test
    void stopsTheFirstEpochTheGradientNormIsBelowTheThreshold() {
        TrainingHistory history = gradientDescent(MAX_EPOCHS).setGradientNormStop(STOP).fit(data).trainingHistory();
        int epochs = history.numEpochs();
        assertTrue(epochs > 5 && epochs < MAX_EPOCHS, "a convex problem converges well before maxEpochs: " + epochs);
        List<EpochStats> stats = history.epochs();
        for (int e = 0; e < epochs - 1; e++) {
            assertTrue(stats.get(e).gradientNorm() >= STOP, "epoch " + (e + 1) + " had already converged: " + stats);
        }
        assertTrue(stats.get(epochs - 1).gradientNorm() < STOP, "the last epoch is the one below the threshold");
        assertTrue(stats.get(0).gradientNorm() > 100 * STOP, "the untrained model's gradient is far from 0");

        // Oracle: the params after epoch E-1 (the same deterministic run, stopped there) give, by the plain-Java
        // gradient of DL4J's mean squared error (1/n)·Σ(ŷ−y)², the norm recorded for epoch E.
        for (int e : new int[] {1, 2}) {
            double[] wb = params(gradientDescent(e).fit(data));
            double expected = gradientNorm(wb);
            double recorded = stats.get(e).gradientNorm();
            assertEquals(expected, recorded, 1e-4 * expected + 1e-7, "epoch " + (e + 1) + " norm");
        }
    }

    @Test
    void withoutTheStopNoNormIsRecordedAndAllEpochsRun() {
        TrainingHistory history = gradientDescent(4).fit(data).trainingHistory();
        assertEquals(4, history.numEpochs());
        history.epochs().forEach(s -> assertNull(s.gradientNorm(), "gradients are not tracked when the stop is off"));
    }

    @Test
    void bothSyncModesRecordTheSameNormsWithTwoWorkers() {
        List<Double> jobs = norms(twoWorkers("jobs"));
        List<Double> collective = norms(twoWorkers("collective"));
        assertEquals(3, jobs.size());
        jobs.forEach(n -> assertNotNull(n));
        assertEquals(jobs, collective, "both modes sum the same gradients in rank order");
    }

    private static DeepRegressionModel twoWorkers(String syncMode) {
        return gradientDescent(3).setNumWorkers(2).setBatchSize(8).setAveragingFrequency(2).setSyncMode(syncMode)
                .setGradientNormStop(1e-12).fit(data.repartition(2));
    }

    private static List<Double> norms(DeepRegressionModel model) {
        return model.trainingHistory().epochs().stream().map(EpochStats::gradientNorm).toList();
    }

    /** W (2 weights) then b, DL4J's order of an output layer's params. */
    private static double[] params(DeepRegressionModel model) {
        float[] p = model.fittedNetwork().snapshot().params();
        assertEquals(3, p.length);
        return new double[] {p[0], p[1], p[2]};
    }

    private static double gradientNorm(double[] wb) {
        double[] g = new double[3];
        for (int i = 0; i < y.length; i++) {
            double residual = wb[0] * x[i][0] + wb[1] * x[i][1] + wb[2] - y[i];
            g[0] += 2 * residual * x[i][0] / y.length;
            g[1] += 2 * residual * x[i][1] / y.length;
            g[2] += 2 * residual / y.length;
        }
        return Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    }
}
