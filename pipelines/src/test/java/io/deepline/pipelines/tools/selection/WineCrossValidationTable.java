package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A measurement, not part of the regular build (21 network fits): stratified 5-fold CV on the wine data
 * (13 features, 3 classes) of DeepClassifier over hiddenLayers × learningRate, standardised inside the
 * Pipeline so each fold's scaler sees only its training rows. Prints the report and its CSV. Run with
 * <pre>mvn -o -B verify -pl models,pipelines -Dtest=WineCrossValidationTable -Dsurefire.failIfNoSpecifiedTests=false -Ddeepline.measure=true</pre>
 */
@ExtendWith(SparkSessionExtension.class)
@EnabledIfSystemProperty(named = "deepline.measure", matches = "true")
class WineCrossValidationTable {

    @Test
    void fiveFoldTableOnWine(SparkSession spark) {
        Dataset<Row> wine = DataSamples.csv(spark, "wine.csv")
                .withColumn("label", functions.col("label").cast("double")).cache();
        String[] inputs = Arrays.stream(wine.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
        DeepClassifier clf = new DeepClassifier().setMaxEpochs(30).setBatchSize(16).setUpdater("adam")
                .setNumWorkers(2).setSeed(7);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(inputs).setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true).setWithStd(true),
                clf});
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(List.of(new int[] {16}, new int[] {32, 16})))
                .addGrid(clf.learningRate(), new double[] {0.01, 0.001})
                .build();
        long start = System.nanoTime();
        CrossValidationResult cv = new KFoldCrossValidation(pipeline, grid,
                new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .withFolds(5).withSeed(2024).stratifiedBy("label").withParallelism(2).fit(wine);
        double seconds = (System.nanoTime() - start) / 1e9;
        CrossValidationReport report = cv.report();
        System.out.println(report);
        System.out.println(report.toCsv());
        System.out.printf("5-fold CV of %d grid points on %d rows took %.1f s%n", grid.length, wine.count(), seconds);
        assertEquals(4, report.gridPoints().size());
        assertTrue(report.best().mean() > 0.9, "a standardised MLP separates the wine cultivars: " + report);
    }
}
