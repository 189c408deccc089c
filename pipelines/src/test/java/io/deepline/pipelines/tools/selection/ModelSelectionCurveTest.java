package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Course §3.2, Fig. 10 on Spark: the validation curve of polynomial degree turns where training loss does not. */
@ExtendWith(SparkSessionExtension.class)
class ModelSelectionCurveTest {

    private static PolynomialExpansion poly() {
        return new PolynomialExpansion().setInputCol("x").setOutputCol("poly");
    }

    /** Basis → scaling → softmax regression without regularization, run to (near) convergence. */
    private static Pipeline polynomialClassifier(PolynomialExpansion poly) {
        return new Pipeline().setStages(new PipelineStage[] {poly,
                new StandardScaler().setInputCol("poly").setOutputCol("features").setWithMean(true),
                new LogisticRegression().setRegParam(0).setMaxIter(100).setTol(1e-9)});
    }

    private static MulticlassClassificationEvaluator logLoss() {
        return new MulticlassClassificationEvaluator().setMetricName("logLoss");
    }

    /*
     * 80 training rows with 20% label noise, 1000 validation rows, degrees 1..6 (2 to 27 features). Degree 1 cannot
     * draw rings, degree 2 draws circles, higher degrees bend around the noise. Checked for train seeds 1..10
     * (validation seed + 1000): all ten give a strictly falling training log-loss and the validation minimum at
     * degree 2 with both ends higher.
     */
    @Test
    void trainingLossFallsWithDegreeWhileValidationLossTurns(SparkSession spark, @TempDir Path dir) throws Exception {
        Dataset<Row> train = RingsData.sample(spark, 80, 0.2, 4);
        Dataset<Row> validation = RingsData.sample(spark, 1000, 0.2, 1004);
        PolynomialExpansion poly = poly();
        Pipeline pipeline = polynomialClassifier(poly);
        List<Integer> degrees = List.of(1, 2, 3, 4, 5, 6);

        SelectionResult result = new ModelSelectionCurve(pipeline, poly.degree(), degrees, logLoss())
                .sweep(train, validation);

        assertEquals("degree", result.paramName());
        assertEquals("logLoss", result.metricName());
        assertTrue(!result.largerIsBetter());
        List<SelectionPoint> points = result.points();
        assertEquals(degrees, points.stream().map(SelectionPoint::value).toList());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).train() < points.get(i - 1).train(), "training log-loss falls with degree: "
                    + result);
        }
        Dataset<Row> curve = result.toDataFrame(spark);
        assertEquals(DataTypes.IntegerType, curve.schema().apply("value").dataType());
        Row lowest = curve.orderBy("validation").first();
        int argmin = degrees.indexOf(lowest.getInt(0));
        assertTrue(argmin > 0 && argmin < degrees.size() - 1, "validation minimum strictly inside: " + result);
        assertTrue(points.get(0).validation() > lowest.getDouble(2), "degree 1 underfits: " + result);
        assertTrue(points.get(points.size() - 1).validation() > lowest.getDouble(2), "degree 6 overfits: " + result);
        assertEquals(lowest.getInt(0), result.bestValue());
        assertEquals(2, poly.getDegree(), "the sweep leaves the given pipeline as it was (degree default 2)");

        HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        String out = dir.resolve("selection").toUri().toString();
        result.write(files, out);
        String[] csv = files.readText(out + "/" + SelectionResult.CSV_FILE_NAME).split("\n");
        assertEquals("degree,train_logLoss,validation_logLoss", csv[0]);
        assertEquals(degrees.size() + 1, csv.length);
        assertEquals(points.get(argmin).validation(), Double.parseDouble(csv[argmin + 1].split(",")[2]), 0.0);
        try (InputStream in = files.open(out + "/" + SelectionResult.PNG_FILE_NAME)) {
            BufferedImage png = ImageIO.read(in);
            assertEquals(800, png.getWidth());
            assertEquals(500, png.getHeight());
        }
    }

    @Test
    void sweepsAParamOfADeepClassifierInsideAPipeline(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        Dataset<Row>[] split = iris.randomSplit(new double[] {0.7, 0.3}, 5);
        DeepClassifier classifier = new DeepClassifier().setMaxEpochs(2).setNumWorkers(1).setSeed(1);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {classifier});

        SelectionResult result = new ModelSelectionCurve(pipeline, classifier.hiddenLayers(),
                List.of(new int[0], new int[] {6}), logLoss()).sweep(split[0], split[1]);

        assertEquals(List.of("[]", "[6]"), result.points().stream().map(SelectionPoint::label).toList());
        assertNotEquals(result.points().get(0).train(), result.points().get(1).train(), "each fit used its value");
        assertEquals(DataTypes.StringType, result.toDataFrame(spark).schema().apply("value").dataType());
        assertTrue(result.toCsv().contains("\n[]") && result.toCsv().contains("\n[6],"), result.toCsv());
    }

    @Test
    void badInputIsNamed(SparkSession spark) {
        Dataset<Row> data = RingsData.sample(spark, 10, 0, 1);
        PolynomialExpansion poly = poly();
        Pipeline pipeline = polynomialClassifier(poly);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelectionCurve(pipeline, poly.degree(), List.of(), logLoss()));
        assertTrue(none.getMessage().contains("no values of 'degree'"), none.getMessage());

        PolynomialExpansion other = poly();
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelectionCurve(pipeline, other.degree(), List.of(1, 2), logLoss()));
        assertTrue(foreign.getMessage().contains("'degree'") && foreign.getMessage().contains(other.uid())
                && foreign.getMessage().contains(poly.uid()), foreign.getMessage());

        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelectionCurve(pipeline, poly.degree(), List.of(1L, 2L), logLoss()));
        assertTrue(type.getMessage().contains("Long") && type.getMessage().contains("'degree'"), type.getMessage());

        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelectionCurve(pipeline, poly.degree(), List.of(2, 0), logLoss()));
        assertTrue(invalid.getMessage().contains("does not accept the value 0"), invalid.getMessage());

        IllegalArgumentException noStages = assertThrows(IllegalArgumentException.class,
                () -> new ModelSelectionCurve(new Pipeline(), poly.degree(), List.of(1), logLoss()));
        assertTrue(noStages.getMessage().contains("has no stages"), noStages.getMessage());

        ModelSelectionCurve curve = new ModelSelectionCurve(pipeline, poly.degree(), List.of(1, 2), logLoss());
        IllegalArgumentException emptyTrain = assertThrows(IllegalArgumentException.class,
                () -> curve.sweep(data.limit(0), data));
        assertTrue(emptyTrain.getMessage().contains("training DataFrame has no rows"), emptyTrain.getMessage());
        IllegalArgumentException emptyValidation = assertThrows(IllegalArgumentException.class,
                () -> curve.sweep(data, data.limit(0)));
        assertTrue(emptyValidation.getMessage().contains("validation DataFrame has no rows"),
                emptyValidation.getMessage());
    }
}
