package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * DeepClassifier inside MLlib's tuning beyond the contract test's CrossValidator round trip: a user fold
 * column with collected fold models, and TrainValidationSplit over a Pipeline, grids over our own params.
 */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierTuningTest {

    @Test
    void crossValidatorHonoursAUserFoldColumn(SparkSession spark) {
        // The user's folds: rows i ≡ f (mod 3), over the cached iris frame (stable ids).
        Dataset<Row> iris = DataSamples.iris(spark).withColumn("fold",
                functions.pmod(functions.monotonically_increasing_id(), functions.lit(3)).cast("int")).cache();
        Map<Integer, Long> foldSizes = new HashMap<>();
        for (Row r : iris.groupBy("fold").count().collectAsList()) {
            foldSizes.put(r.getInt(0), r.getLong(1));
        }
        DeepClassifier clf = new DeepClassifier().setMaxEpochs(5).setBatchSize(16).setNumWorkers(2).setSeed(3);
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(List.of(new int[] {4}, new int[] {12, 6})))
                .addGrid(clf.learningRate(), new double[] {1e-4, 0.03})
                .build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(clf).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("f1")).setNumFolds(3)
                .setFoldCol("fold").setCollectSubModels(true).setParallelism(2).fit(iris);

        Model<?>[][] fitted = cv.subModels();
        for (int fold = 0; fold < 3; fold++) {
            for (int m = 0; m < grid.length; m++) {
                DeepClassificationModel sub = (DeepClassificationModel) fitted[fold][m];
                assertEquals(150 - foldSizes.get(fold), sub.provenance().trainRows(),
                        "fold " + fold + " trains on every row outside it");
                assertEquals(4, sub.numFeatures(), "the fold column is not a feature");
                assertArrayEquals((int[]) grid[m].apply(clf.hiddenLayers()), sub.getHiddenLayers());
                assertEquals((double) grid[m].apply(clf.learningRate()), sub.getLearningRate());
            }
        }
        double[] f1 = cv.avgMetrics();
        double best = Arrays.stream(f1).max().orElseThrow();
        assertTrue(best > 0.8, "the best grid point learns iris: " + Arrays.toString(f1));
        assertTrue(Arrays.stream(f1).min().orElseThrow() < best - 0.1, "the grid points differ: "
                + Arrays.toString(f1));
    }

    @Test
    void trainValidationSplitTunesAPipelineAndSavesAndLoads(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Dataset<Row> wine = DataSamples.csv(spark, "wine.csv").withColumn("label", functions.col("label")
                .cast("double")).cache();
        String[] inputs = Arrays.stream(wine.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
        DeepClassifier clf = new DeepClassifier().setMaxEpochs(15).setBatchSize(16).setNumWorkers(2).setSeed(9);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(inputs).setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true), clf});
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(List.of(new int[] {8}, new int[] {16, 8})))
                .addGrid(clf.learningRate(), new double[] {1e-4, 0.01})
                .build();
        TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setTrainRatio(0.75)
                .setSeed(4).setParallelism(2).fit(wine);
        double[] accuracy = tvs.validationMetrics();
        assertEquals(4, accuracy.length);
        int best = 0;
        for (int m = 1; m < 4; m++) {
            best = accuracy[m] > accuracy[best] ? m : best;
        }
        assertTrue(accuracy[best] > 0.85, "wine is learnable: " + Arrays.toString(accuracy));
        assertTrue(Arrays.stream(accuracy).min().orElseThrow() < accuracy[best], Arrays.toString(accuracy));
        DeepClassificationModel chosen = (DeepClassificationModel) ((PipelineModel) tvs.bestModel()).stages()[2];
        assertArrayEquals((int[]) grid[best].apply(clf.hiddenLayers()), chosen.getHiddenLayers());
        assertEquals((double) grid[best].apply(clf.learningRate()), chosen.getLearningRate());

        String path = dir.resolve("tvs").toString();
        tvs.write().overwrite().save(path);
        TrainValidationSplitModel loaded = TrainValidationSplitModel.load(path);
        assertArrayEquals(accuracy, loaded.validationMetrics());
        assertEquals(tvs.transform(wine).select("probability", "prediction").collectAsList(),
                loaded.transform(wine).select("probability", "prediction").collectAsList());
    }
}
