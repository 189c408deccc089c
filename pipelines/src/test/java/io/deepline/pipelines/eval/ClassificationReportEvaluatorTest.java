package io.deepline.pipelines.eval;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.nio.file.Path;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkSessionExtension.class)
class ClassificationReportEvaluatorTest {

    private static Dataset<Row> scoredWine(SparkSession spark) {
        Dataset<Row> wine = DataSamples.labeledVectors(spark, "wine.csv", true);
        // A weak model (few iterations) so that classes are confused and the metrics differ.
        return new LogisticRegression().setMaxIter(1).fit(wine).transform(wine).cache();
    }

    @Test
    void agreesWithMllibWhereMllibHasTheMetric(SparkSession spark) {
        Dataset<Row> scored = scoredWine(spark);
        ClassificationReportEvaluator ours = new ClassificationReportEvaluator();
        MulticlassClassificationEvaluator mllib = new MulticlassClassificationEvaluator();
        assertEquals(mllib.setMetricName("accuracy").evaluate(scored),
                ours.setMetricName("accuracy").evaluate(scored), 1e-12);
        assertEquals(mllib.setMetricName("f1").evaluate(scored), ours.setMetricName("weightedF1").evaluate(scored),
                1e-12);
        assertEquals(mllib.setMetricName("logLoss").evaluate(scored), ours.setMetricName("logLoss").evaluate(scored),
                1e-9);
        assertFalse(ours.isLargerBetter(), "log-loss is smaller-is-better");
        double macro = 0;
        for (int k = 0; k < 3; k++) {
            macro += mllib.setMetricName("fMeasureByLabel").setMetricLabel(k).evaluate(scored) / 3;
        }
        assertEquals(macro, ours.setMetricName("f1Macro").evaluate(scored), 1e-12);
        assertTrue(ours.isLargerBetter());
        assertFailsNaming(IllegalArgumentException.class, () -> ours.setMetricName("f2"), "f2", "f1Macro");
    }

    @Test
    void selectsModelsInCrossValidatorAndSavesWithIt(SparkSession spark, @TempDir Path dir) throws Exception {
        Dataset<Row> wine = DataSamples.labeledVectors(spark, "wine.csv", true).cache();
        LogisticRegression lr = new LogisticRegression();
        CrossValidator cv = new CrossValidator().setEstimator(lr).setNumFolds(3).setSeed(1)
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(lr.maxIter(), new int[] {1, 50}).build())
                .setEvaluator(new ClassificationReportEvaluator().setMetricName("f1Macro"));
        CrossValidatorModel model = cv.fit(wine);
        assertTrue(model.avgMetrics()[1] > model.avgMetrics()[0], "50 iterations beat 1");
        String path = dir.resolve("cv").toString();
        model.write().save(path);
        CrossValidatorModel loaded = CrossValidatorModel.load(path);
        assertEquals("f1Macro", ((ClassificationReportEvaluator) loaded.getEvaluator()).getMetricName());
    }
}
