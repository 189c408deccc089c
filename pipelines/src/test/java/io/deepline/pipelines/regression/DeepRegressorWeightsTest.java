package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code weightCol} on a regressor means what MLlib's {@code testOversamplingVsWeighting} checks: a row of weight k
 * counts as k copies of it (issue 21, item 4). With the whole data in one batch, a weighted fit and a fit on the
 * oversampled rows take the same gradient steps from the same initial weights (weights are scaled to mean 1, so
 * both losses are Σ k·L / Σ k); only the float summation order differs.
 */
@ExtendWith(SparkSessionExtension.class)
class DeepRegressorWeightsTest {
    private static final int ROWS = 40;

    /** One full-batch worker: no shuffling or averaging differences between the two fits. */
    private static DeepRegressor fullBatch() {
        return new DeepRegressor().setHiddenLayers(new int[] {4}).setUpdater("sgd").setLearningRate(0.05)
                .setBatchSize(1000).setMaxEpochs(15).setNumWorkers(1).setSeed(11);
    }

    /** y = 3·x0 − 2·x1 + 1 + noise (and a second output for vector labels), with integer weights 1–4. */
    private static List<Row> weightedRows(boolean vectorLabel) {
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            double y = 3 * x0 - 2 * x1 + 1 + 0.5 * random.nextGaussian();
            Object label = vectorLabel ? Vectors.dense(y, x0 * x1) : y;
            rows.add(RowFactory.create(Vectors.dense(x0, x1), label, (double) (random.nextInt(4) + 1)));
        }
        return rows;
    }

    private static Dataset<Row> frame(SparkSession spark, List<Row> rows, boolean vectorLabel) {
        StructType schema = new StructType(new StructField[] {
                new StructField("features", new VectorUDT(), false, Metadata.empty()),
                new StructField("label", vectorLabel ? new VectorUDT() : DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("weight", DataTypes.DoubleType, false, Metadata.empty())});
        return spark.createDataFrame(rows, schema);
    }

    private static List<Row> oversampled(List<Row> rows) {
        List<Row> copies = new ArrayList<>();
        for (Row row : rows) {
            for (int k = 0; k < (int) row.getDouble(2); k++) {
                copies.add(RowFactory.create(row.get(0), row.get(1), 1.0));
            }
        }
        return copies;
    }

    private static double[] predictions(DeepRegressionModel model, List<Row> rows) {
        int outputs = model.numOutputs();
        double[] out = new double[rows.size() * outputs];
        for (int i = 0; i < rows.size(); i++) {
            Vector prediction = model.predictVector((Vector) rows.get(i).get(0));
            for (int j = 0; j < outputs; j++) {
                out[i * outputs + j] = prediction.apply(j);
            }
        }
        return out;
    }

    private static void assertWeightingEqualsOversampling(SparkSession spark, boolean vectorLabel) {
        List<Row> rows = weightedRows(vectorLabel);
        double[] weighted = predictions(fullBatch().setWeightCol("weight")
                .fit(frame(spark, rows, vectorLabel)), rows);
        double[] copies = predictions(fullBatch().fit(frame(spark, oversampled(rows), vectorLabel)), rows);
        double[] unweighted = predictions(fullBatch().fit(frame(spark, rows, vectorLabel)), rows);
        // Float32 training: 15 steps of sums in another order stay within ~1e-5 of predictions of size ~1–10.
        assertArrayEquals(copies, weighted, 1e-4, "weighted fit vs fit on the oversampled rows");
        double gap = 0;
        for (int i = 0; i < copies.length; i++) {
            gap = Math.max(gap, Math.abs(copies[i] - unweighted[i]));
        }
        assertTrue(gap > 1e-2, "the weights must matter, else this test proves nothing: " + gap);
    }

    @Test
    void weightedFitEqualsOversampledFit(SparkSession spark) {
        assertWeightingEqualsOversampling(spark, false);
    }

    @Test
    void weightedMultiOutputFitEqualsOversampledFit(SparkSession spark) {
        assertWeightingEqualsOversampling(spark, true);
    }

    @Test
    void constantWeightsTrainExactlyAsNoWeights(SparkSession spark) {
        Dataset<Row> data = frame(spark, weightedRows(false), false);
        DeepRegressor minibatches = fullBatch().setBatchSize(8).setNumWorkers(2);
        float[] plain = minibatches.fit(data).networkSnapshot().params();
        float[] ones = minibatches.copy(ParamMap.empty()).setWeightCol("one")
                .fit(data.withColumn("one", functions.lit(3.0))).networkSnapshot().params();
        assertEquals(plain.length, ones.length);
        assertArrayEquals(plain, ones, "weights are scaled to mean 1, so constant weights change nothing");
    }
}
