package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** DeepRegressor honours the stage contract, tunes in CrossValidator, and rejects bad input clearly. */
@ExtendWith(SparkSessionExtension.class)
class DeepRegressorContractTest {
    private static Dataset<Row> diabetes;
    private static DeepRegressor estimator;
    private static DeepRegressionModel model;

    @BeforeAll
    static void fitOnce() {
        diabetes = RegressionData.diabetes(SparkSessionExtension.session());
        estimator = new DeepRegressor().setHiddenLayers(new int[] {8}).setActivation("leakyrelu")
                .setLeakyReluSlope(0.1).setWeightInit("he").setLearningRate(0.05).setBatchSize(64).setMaxEpochs(5)
                .setNumWorkers(2).setSeed(3);
        model = estimator.fit(diabetes);
    }

    private static List<Row> predictions(Dataset<Row> scored) {
        return scored.select("prediction").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        assertEquals(10, model.numFeatures());
        assertEquals(1, model.numOutputs());
        assertEquals("he", model.getWeightInit());
    }

    @Test
    void estimatorAndModelSaveAndLoad(@TempDir Path dir) throws IOException {
        StageContract.assertSaveAndLoad(estimator, dir, DeepRegressor::load);
        DeepRegressionModel loaded = StageContract.assertSaveAndLoad(model, dir, DeepRegressionModel::load);
        assertEquals(predictions(model.transform(diabetes)), predictions(loaded.transform(diabetes)));
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
    }

    @Test
    void singleRowPredictEqualsTransform() {
        for (Row r : model.transform(diabetes).select("features", "prediction").collectAsList()) {
            assertEquals(r.getDouble(1), model.predict(r.getAs(0)), 1e-6 * Math.max(1, Math.abs(r.getDouble(1))),
                    "float32 batch and single-row products may differ in the last bits");
        }
    }

    @Test
    void crossValidatorTunesAndSaves(@TempDir Path dir) throws IOException {
        DeepRegressor reg = new DeepRegressor().setHiddenLayers(new int[0]).setBatchSize(128).setMaxEpochs(20)
                .setNumWorkers(2).setUpdater("nesterovs");
        ParamMap[] grid = new ParamGridBuilder().addGrid(reg.learningRate(), new double[] {1e-4, 0.05}).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(reg).setEstimatorParamMaps(grid)
                .setEvaluator(new RegressionEvaluator().setMetricName("rmse")).setNumFolds(2).setParallelism(2)
                .setSeed(1).fit(diabetes);
        assertTrue(cv.avgMetrics()[1] < cv.avgMetrics()[0], "a workable learning rate must win on RMSE");
        cv.write().overwrite().save(dir.resolve("cv").toString());
        CrossValidatorModel loaded = CrossValidatorModel.load(dir.resolve("cv").toString());
        assertEquals(predictions(cv.transform(diabetes)), predictions(loaded.transform(diabetes)));
    }

    private static void assertRejected(Executable fit, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void badLabelsAreRejectedNamingTheColumn(SparkSession spark) {
        DeepRegressor quick = new DeepRegressor().setHiddenLayers(new int[0]).setMaxEpochs(1).setNumWorkers(1);
        Row ok = RowFactory.create(Vectors.dense(1, 2), 1.0);
        assertRejected(() -> quick.copy(ParamMap.empty()).setFamily("poisson").fit(RegressionData.frame(spark,
                List.of(ok, RowFactory.create(Vectors.dense(1, 1), -2.0)), false)), "'label'", "-2.0", "poisson");
        assertRejected(() -> quick.copy(ParamMap.empty()).setFamily("poisson").fit(RegressionData.frame(spark,
                List.of(ok, RowFactory.create(Vectors.dense(1, 1), 0.5)), false)), "'label'", "0.5", "non-negative");
        assertRejected(() -> quick.fit(RegressionData.frame(spark,
                List.of(ok, RowFactory.create(Vectors.dense(1, 1), Double.NaN)), false)), "'label'", "NaN");
        assertRejected(() -> quick.fit(RegressionData.frame(spark, List.of(
                RowFactory.create(Vectors.dense(1, 2), Vectors.dense(1, 2)),
                RowFactory.create(Vectors.dense(1, 1), Vectors.dense(1, 2, 3))), true)), "'label'", "different sizes");
        Dataset<Row> text = RegressionData.frame(spark, List.of(ok), false)
                .withColumn("label", org.apache.spark.sql.functions.lit("high"));
        assertRejected(() -> quick.fit(text), "'label'", "numeric", "Vector");
        assertRejected(() -> new DeepRegressor().setFamily("gamma"), "family");
    }

    @Test
    void multiOutputModelsRefuseScalarPredict(SparkSession spark) {
        DeepRegressionModel multi = new DeepRegressor().setHiddenLayers(new int[0]).setMaxEpochs(1).setNumWorkers(1)
                .fit(RegressionData.frame(spark, List.of(RowFactory.create(Vectors.dense(1), Vectors.dense(1, 2))),
                        true));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> multi.predict(Vectors.dense(1)));
        assertTrue(e.getMessage().contains("predictVector"));
    }
}
