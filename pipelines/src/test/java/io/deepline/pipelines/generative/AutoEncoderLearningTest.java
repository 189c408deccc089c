package io.deepline.pipelines.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The autoencoders learn the digits: anomaly detection by reconstruction error, and the conv variant's error. */
@ExtendWith(SparkSessionExtension.class)
class AutoEncoderLearningTest {

    /**
     * Trained on one digit only, the autoencoder reconstructs held-out rows of that digit better than the other
     * digits: ranking held-out rows by reconstruction error separates "other digit" from "this digit".
     */
    @Test
    void reconstructionErrorDetectsDigitsItNeverSaw(SparkSession spark) {
        Dataset<Row> digits = DataSamples.digitsUnitScaled(spark);
        Dataset<Row>[] zeros = digits.filter("label = 0").randomSplit(new double[] {0.75, 0.25}, 5);
        Dataset<Row> heldOut = zeros[1].union(digits.filter("label <> 0"))
                .withColumn("isOtherDigit", functions.expr("CAST(label <> 0 AS DOUBLE)"));
        long start = System.nanoTime();
        AutoEncoderModel model = new AutoEncoder().setHiddenLayers(new int[] {32}).setCodeSize(4)
                .setReconstructionLoss("xent").setLearningRate(0.01).setBatchSize(16).setMaxEpochs(20)
                .setNumWorkers(2).setAveragingFrequency(2).setSeed(3).fit(zeros[0]);
        Dataset<Row> scored = model.transform(heldOut);
        double auc = new BinaryClassificationEvaluator().setLabelCol("isOtherDigit")
                .setRawPredictionCol("reconstructionError").setMetricName("areaUnderROC").evaluate(scored);
        System.out.printf("autoencoder anomaly AUC %.4f (train %d zeros, %d held out) in %.1f s%n", auc,
                zeros[0].count(), heldOut.count(), (System.nanoTime() - start) / 1e9);
        assertTrue(auc >= 0.9, "ROC AUC of reconstruction error for unseen digits: " + auc);
        Row code = scored.select("code").first();
        assertEquals(4, ((Vector) code.get(0)).size());
    }

    /**
     * The conv autoencoder on 8×8 digits: its mean reconstruction error on held-out rows falls well below that of
     * always predicting the training mean, (1/D)·Σ_j Var(x_j).
     */
    @Test
    void convAutoEncoderReconstructsFarBetterThanTheMean(SparkSession spark) {
        Dataset<Row>[] parts = DataSamples.digitsUnitScaled(spark).randomSplit(new double[] {0.8, 0.2}, 9);
        long start = System.nanoTime();
        AutoEncoderModel model = new AutoEncoder().setArchitecture("conv").setImageShape(new int[] {1, 8, 8})
                .setConvFilters(new int[] {8}).setHiddenLayers(new int[] {32}).setCodeSize(16)
                .setReconstructionLoss("xent").setLearningRate(0.01).setBatchSize(32).setMaxEpochs(8)
                .setNumWorkers(2).setSeed(4).fit(parts[0]);
        double error = model.transform(parts[1]).agg(functions.avg("reconstructionError")).first().getDouble(0);
        double baseline = meanPredictorError(parts[0], parts[1]);
        System.out.printf("conv autoencoder held-out MSE %.5f vs mean predictor %.5f in %.1f s%n", error, baseline,
                (System.nanoTime() - start) / 1e9);
        assertTrue(error < 0.5 * baseline, "held-out error " + error + " vs the mean predictor's " + baseline);
    }

    /** (1/D)·Σ_j mean over {@code test} of (x_j − m_j)², with m the feature means of {@code train}: aggregations. */
    private static double meanPredictorError(Dataset<Row> train, Dataset<Row> test) {
        Vector mean = (Vector) train.select(Summarizer.mean(functions.col("features"))).first().get(0);
        Vector testMean = (Vector) test.select(Summarizer.mean(functions.col("features"))).first().get(0);
        Vector testVariance = (Vector) test.select(Summarizer.variance(functions.col("features"))).first().get(0);
        long n = test.count();
        double sum = 0;
        for (int j = 0; j < mean.size(); j++) {
            // E[(x − m)²] = Var_pop(x) + (E[x] − m)²
            double shift = testMean.apply(j) - mean.apply(j);
            sum += testVariance.apply(j) * (n - 1) / n + shift * shift;
        }
        return sum / mean.size();
    }
}
