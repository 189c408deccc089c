package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import io.deepline.pipelines.core.train.EpochStats;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DeepClassifier learns real data sets with two workers, and scores consistently and reproducibly. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierLearningTest {

    static double accuracy(Dataset<Row> predictions) {
        return new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predictions);
    }

    static Dataset<Row> xor(SparkSession spark, int copies) {
        List<Row> rows = new ArrayList<>();
        double[][] points = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        for (int c = 0; c < copies; c++) {
            for (double[] p : points) {
                rows.add(RowFactory.create(Vectors.dense(p[0], p[1]), p[2]));
            }
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("features", new VectorUDT(), false, org.apache.spark.sql.types.Metadata.empty()),
                new StructField("label", DataTypes.DoubleType, false, org.apache.spark.sql.types.Metadata.empty())});
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void learnsXor(SparkSession spark) {
        Dataset<Row> data = xor(spark, 25);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {8}).setActivation("tanh")
                .setUpdater("adam").setLearningRate(0.05).setMaxEpochs(60).setBatchSize(10).setNumWorkers(2)
                .setSeed(1).fit(data);
        assertEquals(1.0, accuracy(model.transform(xor(spark, 1))), "XOR must be solved exactly");
    }

    @Test
    void digitsWithTwoWorkersReaches95PercentHeldOut(SparkSession spark) {
        Dataset<Row>[] split = DataSamples.digits(spark).randomSplit(new double[] {0.8, 0.2}, 42);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {64, 32})
                .setMaxEpochs(15).setBatchSize(32).setLearningRate(5e-3).setNumWorkers(2).setAveragingFrequency(5)
                .setSeed(42).fit(split[0]);
        double acc = accuracy(model.transform(split[1]));
        assertTrue(acc >= 0.95, "digits held-out accuracy " + acc);
        List<EpochStats> epochs = model.trainingHistory().epochs();
        assertEquals(15, epochs.size());
        assertTrue(epochs.get(14).loss() < epochs.get(0).loss() / 2, "loss should fall: " + epochs);
        assertTrue(epochs.stream().allMatch(e -> e.seconds() > 0 && e.examples() == split[0].count()),
                "each epoch sees every training row once: " + epochs);
    }

    @Test
    void normalizedNetworksLearnDigits(SparkSession spark) {
        Dataset<Row>[] split = DataSamples.digits(spark).randomSplit(new double[] {0.8, 0.2}, 42);
        DeepClassifier base = new DeepClassifier().setHiddenLayers(new int[] {32}).setMaxEpochs(6).setBatchSize(32)
                .setLearningRate(5e-3).setNumWorkers(2).setSeed(42);
        for (String[] setting : new String[][] {{"batch", "before"}, {"batch", "after"}, {"layer", "before"}}) {
            DeepClassificationModel model = base.copy(new org.apache.spark.ml.param.ParamMap())
                    .setNormalization(setting[0]).setBatchNormPosition(setting[1]).fit(split[0]);
            double acc = accuracy(model.transform(split[1]));
            assertTrue(acc >= 0.9, String.join("/", setting) + " normalization: held-out accuracy " + acc);
        }
    }

    @Test
    void irisWithTwoWorkersReaches90PercentHeldOut(SparkSession spark) {
        Dataset<Row>[] split = DataSamples.iris(spark).randomSplit(new double[] {0.7, 0.3}, 7);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {16}).setMaxEpochs(40)
                .setBatchSize(8).setLearningRate(0.01).setNumWorkers(2).setSeed(3).fit(split[0]);
        double acc = accuracy(model.transform(split[1]));
        assertTrue(acc >= 0.9, "iris held-out accuracy " + acc);
    }

    @Test
    void singleRowPredictionsEqualBatchTransform(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(3)
                .setNumWorkers(2).setInferenceBatchSize(7).fit(iris);
        StageContract.assertSingleRowEqualsTransform(model, iris);
        DeepClassificationModel withThresholds = model.copy(org.apache.spark.ml.param.ParamMap.empty())
                .setThresholds(new double[] {0.5, 0.2, 0.3});
        StageContract.assertSingleRowEqualsTransform(withThresholds, iris);
    }

    @Test
    void sameSeedAndPartitioningGiveIdenticalParams(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassifier clf = new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(3).setNumWorkers(2)
                .setDropout(0.2).setSeed(11);
        float[] first = clf.fit(iris).networkSnapshot().params();
        float[] second = clf.fit(iris).networkSnapshot().params();
        assertArrayEquals(first, second);
        float[] otherSeed = clf.copy(new org.apache.spark.ml.param.ParamMap()).setSeed(12).fit(iris)
                .networkSnapshot().params();
        assertTrue(!java.util.Arrays.equals(first, otherSeed), "a different seed must change the result");
    }
}
