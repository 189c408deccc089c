package io.deepline.pipelines.classification;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation during training (issue 4, item 6): per-epoch validation loss and metric measured distributed, early
 * stopping that restores the best epoch, and the history that records it.
 */
@ExtendWith(SparkSessionExtension.class)
class ValidationDuringTrainingTest {

    /** Iris with a deterministic boolean column marking about a third of the rows for validation. */
    private static Dataset<Row> irisWithIndicator(SparkSession spark) {
        return DataSamples.iris(spark).withColumn("isValidation",
                functions.pmod(functions.hash(functions.col("features").cast("string")), functions.lit(3))
                        .equalTo(0)).cache();
    }

    private static DeepClassifier smallNet() {
        return new DeepClassifier().setHiddenLayers(new int[] {8}).setLearningRate(0.02).setBatchSize(16)
                .setNumWorkers(2).setSeed(3);
    }

    @Test
    void validationLossAndAccuracyAreThoseOfTheModelOnTheValidationRows(SparkSession spark) {
        Dataset<Row> data = irisWithIndicator(spark);
        DeepClassificationModel model = smallNet().setMaxEpochs(4).setValidationIndicatorCol("isValidation")
                .fit(data);
        TrainingHistory history = model.trainingHistory();
        assertEquals(4, history.numEpochs());
        assertEquals("accuracy", history.validationMetricName());
        assertFalse(history.stoppedEarly());
        EpochStats last = history.epochs().get(3);
        Dataset<Row> validation = data.filter("isValidation");
        ClassificationReport report = ClassificationReport.of(model.transform(validation), "label", "prediction",
                "probability", 3);
        // Without early stopping the model holds the last epoch: its log-loss on the validation rows, computed by
        // Spark from transform's output, is the validation loss the workers summed.
        assertEquals(report.logLoss().getAsDouble(), last.validationLoss(), 1e-5);
        assertEquals(report.accuracy(), last.validationMetric(), 1e-9);
        long trainingRows = data.filter("not isValidation").count();
        assertEquals(trainingRows, last.examples(), "only the training rows are trained on");
        for (EpochStats e : history.epochs()) {
            assertTrue(e.hasValidation());
        }
    }

    @Test
    void earlyStoppingStopsAndHandsBackTheBestEpoch(SparkSession spark, @TempDir Path dir) throws Exception {
        // A wide net on 120 digits with a quarter of the labels scrambled overfits quickly: the validation loss
        // turns up and stays up.
        Dataset<Row>[] parts = DataSamples.digits(spark).randomSplit(new double[] {0.07, 0.25, 0.68}, 9);
        Dataset<Row> noisyTrain = parts[0].withColumn("label", functions.when(functions.rand(5).lt(0.25),
                functions.floor(functions.rand(6).multiply(10))).otherwise(functions.col("label")))
                .withColumn("isValidation", functions.lit(false));
        Dataset<Row> validation = parts[1].withColumn("isValidation", functions.lit(true));
        Dataset<Row> data = noisyTrain.unionByName(validation).cache();
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {128}).setLearningRate(0.01)
                .setBatchSize(16).setNumWorkers(2).setSeed(1).setMaxEpochs(80).setValidationIndicatorCol("isValidation")
                .setEarlyStoppingPatience(3).fit(data);
        TrainingHistory history = model.trainingHistory();
        assertTrue(history.stoppedEarly(), history.toString());
        assertTrue(history.numEpochs() < 80);
        assertEquals(history.numEpochs() - 3, history.bestEpoch(), "stops exactly patience epochs after the best");
        double best = history.epochs().get(history.bestEpoch() - 1).validationLoss();
        for (EpochStats e : history.epochs()) {
            assertTrue(e.validationLoss() >= best, "the best epoch has the lowest validation loss");
        }
        double modelLoss = ClassificationReport.of(model.transform(data.filter("isValidation")), "label",
                "prediction", "probability", 10).logLoss().getAsDouble();
        assertEquals(best, modelLoss, 1e-5, "the model holds the best epoch's params");
        assertNotEquals(history.epochs().get(history.numEpochs() - 1).validationLoss(), modelLoss, 1e-6);

        model.write().overwrite().save(dir.resolve("m").toString());
        assertEquals(history, DeepClassificationModel.load(dir.resolve("m").toString()).trainingHistory(),
                "the validation outcome is saved with the model");
    }

    @Test
    void validationFractionHoldsOutASeededShareOfTheRows(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel a = smallNet().setMaxEpochs(2).setValidationFraction(0.3).fit(iris);
        DeepClassificationModel b = smallNet().setMaxEpochs(2).setValidationFraction(0.3).fit(iris);
        long trained = a.trainingHistory().epochs().get(0).examples();
        assertTrue(trained > 150 * 0.55 && trained < 150 * 0.85, "about 70% of 150 rows train: " + trained);
        assertEquals(a.trainingHistory().epochs().get(1).validationLoss(), b.trainingHistory().epochs().get(1).validationLoss(),
                "the seed fixes the split and the fit");
    }

    @Test
    void badValidationSettingsAreExplained(SparkSession spark) {
        Dataset<Row> data = irisWithIndicator(spark);
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationFraction(0.2)
                .setValidationIndicatorCol("isValidation").fit(data), "validationFraction", "validationIndicatorCol");
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationIndicatorCol("label")
                .fit(data), "'label'", "boolean");
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationIndicatorCol("nope")
                .fit(data), "nope");
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setEarlyStoppingPatience(2).fit(data),
                "earlyStoppingPatience", "validationFraction");
        Dataset<Row> withNulls = data.withColumn("isValidation", functions.when(functions.col("label").equalTo(0),
                functions.lit(null).cast("boolean")).otherwise(functions.col("isValidation")));
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationIndicatorCol("isValidation")
                .fit(withNulls), "isValidation", "null");
        Dataset<Row> allValidation = data.withColumn("isValidation", functions.lit(true));
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationIndicatorCol("isValidation")
                .fit(allValidation), "no rows are left for training");
        Dataset<Row> noneValidation = data.withColumn("isValidation", functions.lit(false));
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationIndicatorCol("isValidation")
                .fit(noneValidation), "validation split is empty");
        assertFailsNaming(IllegalArgumentException.class, () -> smallNet().setValidationFraction(1.0),
                "validationFraction");
    }
}
