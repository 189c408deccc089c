package io.deepline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 10,000 MNIST digits of data-samples (784 pixels 0..255, then the label; already shuffled), with pixels scaled
 * to [0, 1]: the first 8,000 rows train, the last 2,000 test. Every side of a comparison gets these same rows.
 */
public final class MnistData {

    public static final int FEATURES = 784;
    public static final int CLASSES = 10;
    private static final int TRAIN_ROWS = 8000;

    private final float[][] trainX;
    private final int[] trainY;
    private final float[][] testX;
    private final int[] testY;

    private MnistData(float[][] trainX, int[] trainY, float[][] testX, int[] testY) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
    }

    static MnistData read(Path csvGz) throws IOException {
        if (!Files.isRegularFile(csvGz)) {
            throw new IllegalStateException("no MNIST sample at " + csvGz + "; run bin/deepline-bench from a checkout"
                    + " (it passes the repository root)");
        }
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.UTF_8))) {
            in.readLine(); // header p0..p783,label
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                float[] pixels = new float[FEATURES];
                for (int i = 0; i < FEATURES; i++) {
                    pixels[i] = Float.parseFloat(cells[i]) / 255f;
                }
                x.add(pixels);
                y.add(Integer.parseInt(cells[FEATURES]));
            }
        }
        int n = x.size();
        return new MnistData(x.subList(0, TRAIN_ROWS).toArray(new float[0][]),
                y.subList(0, TRAIN_ROWS).stream().mapToInt(Integer::intValue).toArray(),
                x.subList(TRAIN_ROWS, n).toArray(new float[0][]),
                y.subList(TRAIN_ROWS, n).stream().mapToInt(Integer::intValue).toArray());
    }

    public int trainRows() {
        return trainY.length;
    }

    public int testRows() {
        return testY.length;
    }

    public int[] testLabels() {
        return testY.clone();
    }

    /** Training rows as (features: Vector, label: double), cached and materialised (not part of any timing). */
    public Dataset<Row> trainFrame(SparkSession spark, int partitions) {
        return frame(spark, trainX, trainY, partitions);
    }

    public Dataset<Row> testFrame(SparkSession spark, int partitions) {
        return frame(spark, testX, testY, partitions);
    }

    /** Every row, training then test (inference benchmarks score all 10,000). */
    public Dataset<Row> allFrame(SparkSession spark, int partitions) {
        float[][] x = new float[trainX.length + testX.length][];
        int[] y = new int[x.length];
        System.arraycopy(trainX, 0, x, 0, trainX.length);
        System.arraycopy(testX, 0, x, trainX.length, testX.length);
        System.arraycopy(trainY, 0, y, 0, trainY.length);
        System.arraycopy(testY, 0, y, trainY.length, testY.length);
        return frame(spark, x, y, partitions);
    }

    /** Training mini-batches of {@code batchSize} rows in order, for single-JVM DL4J (one-hot labels). */
    public List<DataSet> trainBatches(int batchSize) {
        return batches(trainX, trainY, batchSize);
    }

    /** Test features as mini-batches of {@code batchSize} rows, in order. */
    public List<INDArray> testFeatureBatches(int batchSize) {
        List<INDArray> out = new ArrayList<>();
        for (DataSet d : batches(testX, testY, batchSize)) {
            out.add(d.getFeatures());
        }
        return out;
    }

    /** All rows' features as mini-batches of {@code batchSize} rows (training then test). */
    public List<INDArray> allFeatureBatches(int batchSize) {
        List<INDArray> out = new ArrayList<>();
        for (DataSet d : batches(trainX, trainY, batchSize)) {
            out.add(d.getFeatures());
        }
        out.addAll(testFeatureBatches(batchSize));
        return out;
    }

    /** Fraction of test rows whose predicted class (argmax of {@code scores}, one row per test row) is right. */
    public double testAccuracy(int[] predicted) {
        if (predicted.length != testY.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + testY.length + " test rows");
        }
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == testY[i] ? 1 : 0;
        }
        return right / (double) predicted.length;
    }

    private static List<DataSet> batches(float[][] x, int[] y, int batchSize) {
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start < x.length; start += batchSize) {
            int n = Math.min(batchSize, x.length - start);
            float[][] features = new float[n][];
            float[][] labels = new float[n][CLASSES];
            for (int i = 0; i < n; i++) {
                features[i] = x[start + i];
                labels[i][y[start + i]] = 1f;
            }
            out.add(new DataSet(Nd4j.create(features), Nd4j.create(labels)));
        }
        return out;
    }

    private static Dataset<Row> frame(SparkSession spark, float[][] x, int[] y, int partitions) {
        List<Row> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            double[] v = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                v[j] = x[i][j];
            }
            rows.add(RowFactory.create(Vectors.dense(v), (double) y[i]));
        }
        StructType schema = new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
                .add("label", DataTypes.DoubleType);
        Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(partitions)
                .persist(StorageLevel.MEMORY_ONLY());
        frame.count();
        return frame;
    }
}
