package io.deepline.pipelines.classification;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.data.ClassWeights;
import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code weightCol} and {@link ClassWeights} (issue 4, item 8; course §3.1.2, the fraud example). */
@ExtendWith(SparkSessionExtension.class)
class WeightedLossTest {

    private static DeepClassifier linear() {
        return new DeepClassifier().setHiddenLayers(new int[] {}).setLearningRate(0.05).setBatchSize(16)
                .setMaxEpochs(3).setNumWorkers(2).setSeed(5);
    }

    private static float[] params(DeepClassificationModel model) {
        return model.networkSnapshot().params();
    }

    @Test
    void constantWeightsTrainExactlyAsNoWeights(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        float[] plain = params(linear().fit(iris));
        float[] weighted = params(linear().setWeightCol("w").fit(iris.withColumn("w", functions.lit(2.5))));
        assertArrayEquals(plain, weighted, "weights are scaled to mean 1, so constant weights change nothing");
    }

    /** Issue 21, item 4: a row of weight k trains as k copies (full batch: the same steps, up to float rounding). */
    @Test
    void integerWeightsTrainAsRepeatedRows(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark).withColumn("w", functions.pmod(functions.hash(
                functions.col("features").cast("string")), functions.lit(3)).plus(1).cast("double"));
        Dataset<Row> copies = iris.withColumn("copy", functions.explode(functions.sequence(functions.lit(1),
                functions.col("w").cast("int")))).drop("copy", "w");
        DeepClassifier fullBatch = linear().setHiddenLayers(new int[] {4}).setUpdater("sgd").setLearningRate(0.1)
                .setBatchSize(1000).setNumWorkers(1);
        float[] weighted = params(fullBatch.copy(new org.apache.spark.ml.param.ParamMap()).setWeightCol("w").fit(iris));
        float[] repeated = params(fullBatch.fit(copies));
        assertArrayEquals(repeated, weighted, 1e-5f, "weights scale each row's loss once, as repeating the row does");
        assertFalse(Arrays.equals(repeated, params(fullBatch.fit(iris))), "the weights must matter");
    }

    @Test
    void rowsOfWeightZeroDoNotCount(SparkSession spark) {
        Column zeroed = functions.pmod(functions.hash(functions.col("features").cast("string")), functions.lit(4))
                .equalTo(0);
        Dataset<Row> iris = DataSamples.iris(spark).withColumn("w", functions.when(zeroed, 0.0).otherwise(1.0));
        Dataset<Row> relabelled = iris.withColumn("label", functions.when(zeroed,
                functions.pmod(functions.col("label").plus(1), functions.lit(3))).otherwise(functions.col("label")));
        assertTrue(iris.filter("w = 0").count() > 10);
        float[] a = params(linear().setWeightCol("w").fit(iris));
        float[] b = params(linear().setWeightCol("w").fit(relabelled));
        assertArrayEquals(a, b, "the labels of weight-0 rows must not matter");
        assertFalse(Arrays.equals(a, params(linear().fit(relabelled))), "without weights they do");
    }

    @Test
    void balancedWeightsRaiseMinorityRecallOnImbalancedBreastCancer(SparkSession spark) {
        // Class 0 (malignant) is the minority: keep all benign rows but only 15% of the malignant ones for training.
        // Three weak features (texture, smoothness, symmetry) make the classes overlap, so where the boundary sits
        // between them depends on how much each class weighs.
        Dataset<Row> raw = DataSamples.csv(spark, "breast_cancer.csv");
        Dataset<Row> assembled = new VectorAssembler().setInputCols(new String[] {"mean_texture", "mean_smoothness",
                "mean_symmetry"}).setOutputCol("raw").transform(raw)
                .select(functions.col("raw"), functions.col("label").cast("double").as("label"));
        Dataset<Row> data = new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true)
                .fit(assembled).transform(assembled).select("features", "label").cache();
        Dataset<Row>[] halves = data.randomSplit(new double[] {0.5, 0.5}, 3);
        Dataset<Row> train = halves[0].filter(functions.col("label").equalTo(1)
                .or(functions.rand(4).lt(0.15))).cache();
        Dataset<Row> test = halves[1];
        Map<Integer, Double> weights = ClassWeights.balanced(train, "label");
        assertTrue(weights.get(0) > 3 * weights.get(1), "the minority class gets the larger weight: " + weights);
        Dataset<Row> weighted = ClassWeights.withWeightColumn(train, "label", weights, "weight");

        DeepClassifier base = linear().setMaxEpochs(5).setLearningRate(0.01);
        double plainRecall = minorityRecall(base.fit(train).transform(test));
        double balancedRecall = minorityRecall(base.copy(new org.apache.spark.ml.param.ParamMap())
                .setWeightCol("weight").fit(weighted).transform(test));
        System.out.printf("minority recall: plain %.3f, balanced %.3f (train %s)%n", plainRecall, balancedRecall,
                ClassificationReport.of(train.withColumn("prediction", functions.col("label")), "label", "prediction",
                        null, 2).support(0));
        assertTrue(balancedRecall > plainRecall + 0.05, "balanced " + balancedRecall + " vs plain " + plainRecall);
    }

    private static double minorityRecall(Dataset<Row> scored) {
        return ClassificationReport.of(scored, "label", "prediction", null, 2).recall(0);
    }

    @Test
    void classWeightsAreNEOverKNk(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark).filter(functions.col("label").lt(2).or(functions.rand(2).lt(0.5)))
                .cache();
        Map<Integer, Double> w = ClassWeights.balanced(iris, "label");
        long n = iris.count();
        for (int k = 0; k < 3; k++) {
            long nk = iris.filter("label = " + k).count();
            assertEquals((double) n / (3 * nk), w.get(k), 1e-12);
        }
        Dataset<Row> withW = ClassWeights.withWeightColumn(iris, "label", w, "w");
        assertEquals(n, withW.agg(functions.sum("w")).first().getDouble(0), 1e-9, "every class carries n / K");
        assertFailsNaming(Exception.class, () -> ClassWeights.withWeightColumn(iris, "label", Map.of(0, 1.0, 1, 1.0),
                "w").agg(functions.sum("w")).first(), "no class weight for label 2");
    }

    @Test
    void badWeightsAreExplained(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("w")
                .fit(iris.withColumn("w", functions.when(functions.col("label").equalTo(1), -1.0).otherwise(1.0))),
                "'w'", "negative");
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("w")
                .fit(iris.withColumn("w", functions.when(functions.col("label").equalTo(1), Double.NaN).otherwise(1.0))),
                "'w'", "NaN");
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("w")
                .fit(iris.withColumn("w", functions.when(functions.col("label").equalTo(1), 1.0))), "'w'", "null");
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("w")
                .fit(iris.withColumn("w", functions.lit(0.0))), "'w'", "0");
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("w")
                .fit(iris.withColumn("w", functions.lit("heavy"))), "'w'");
        assertFailsNaming(IllegalArgumentException.class, () -> linear().setWeightCol("missing").fit(iris),
                "missing");
    }
}
