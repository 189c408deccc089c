package io.deepline.pipelines.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.Tuple2;

/** Every number of the classification report is cross-checked against MLlib. */
@ExtendWith(SparkSessionExtension.class)
class ClassificationReportTest {

    @Test
    void matchesMllibOnAScoredModel(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        Dataset<Row> scored = new DeepClassifier().setHiddenLayers(new int[] {4}).setMaxEpochs(3).setNumWorkers(2)
                .setSeed(8).fit(iris).transform(iris).cache();
        ClassificationReport report = ClassificationReport.of(scored, "label", "prediction", "probability", 0);

        MulticlassMetrics mllib = new MulticlassMetrics(scored.select("prediction", "label").toJavaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1))).rdd());
        Matrix expected = mllib.confusionMatrix();
        assertEquals(3, report.numClasses());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected.apply(i, j), report.confusion()[i][j], 0.0, "C[" + i + "][" + j + "]");
            }
            assertEquals(mllib.precision(i), report.precision(i), 1e-12, "precision " + i);
            assertEquals(mllib.recall(i), report.recall(i), 1e-12, "recall " + i);
            assertEquals(mllib.fMeasure(i), report.f1(i), 1e-12, "f1 " + i);
        }
        assertEquals(mllib.accuracy(), report.accuracy(), 1e-12);
        double logLoss = new MulticlassClassificationEvaluator().setMetricName("logLoss").evaluate(scored);
        assertEquals(logLoss, report.logLoss().getAsDouble(), 1e-9);
        assertEquals((report.f1(0) + report.f1(1) + report.f1(2)) / 3, report.f1Macro(), 1e-15);
    }

    @Test
    void classesNeverPredictedOrNeverSeenHaveZerosNotNaN(SparkSession spark) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType);
        Dataset<Row> scored = spark.createDataFrame(List.of(RowFactory.create(0.0, 0.0), RowFactory.create(1.0, 0.0),
                RowFactory.create(0.0, 2.0)), schema);
        ClassificationReport report = ClassificationReport.of(scored, "label", "prediction", null, 0);
        assertEquals(0.0, report.precision(1), "class 1 is never predicted");
        assertEquals(0.0, report.recall(2), "class 2 never occurs");
        assertEquals(0.0, report.f1(1));
        assertEquals(0.0, report.f1(2));
        assertEquals(1 / 3.0, report.accuracy(), 1e-15);
        assertTrue(report.logLoss().isEmpty());
        assertTrue(!Double.isNaN(report.precisionMacro()) && !Double.isNaN(report.recallMacro()));
        assertEquals(4, ClassificationReport.of(scored, "label", "prediction", null, 4).numClasses(),
                "declared classes widen the matrix");
    }

    @Test
    void badInputIsNamed(SparkSession spark) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType);
        Dataset<Row> scored = spark.createDataFrame(List.of(RowFactory.create(0.0, 0.0)), schema);
        IllegalArgumentException noProbability = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(scored, "label", "prediction", "probability", 0));
        assertTrue(noProbability.getMessage().contains("'probability'"), noProbability.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(
                scored.withColumn("label", org.apache.spark.sql.functions.lit("a")), "label", "prediction", null, 0));
        assertTrue(text.getMessage().contains("'label'") && text.getMessage().contains("numeric"), text.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ClassificationReport.of(scored.limit(0), "label", "prediction", null, 0));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }
}
