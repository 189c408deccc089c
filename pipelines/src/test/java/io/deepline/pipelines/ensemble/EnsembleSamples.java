package io.deepline.pipelines.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small hand-made data for the ensemble tests. */
final class EnsembleSamples {
    private EnsembleSamples() {
    }

    /**
     * n points x evenly spaced on [-3, 3], as (id, features = [x], right = 1{x > 1}, left = 1{x > -1},
     * three = 0/1/2 for x below -1 / in [-1, 1] / above 1). Classifiers trained on {@code right} and on
     * {@code left} disagree for x in (-1, 1].
     */
    static Dataset<Row> line(SparkSession spark, int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = -3 + 6.0 * i / (n - 1);
            rows.add(RowFactory.create((long) i, Vectors.dense(x), x > 1 ? 1.0 : 0.0, x > -1 ? 1.0 : 0.0,
                    x < -1 ? 0.0 : x <= 1 ? 1.0 : 2.0));
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("id", DataTypes.LongType, false, Metadata.empty()),
                new StructField("features", new VectorUDT(), false, Metadata.empty()),
                new StructField("right", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("left", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("three", DataTypes.DoubleType, false, Metadata.empty())});
        return spark.createDataFrame(rows, schema).cache();
    }

    /**
     * n rows (id, features x ~ N(0, I_2), label = 2 x_0 - x_1 + 0.5 + noise, pair = [label, x_0 + x_1]), seeded.
     */
    static Dataset<Row> linear(SparkSession spark, int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double y = 2 * a - b + 0.5 + 0.1 * random.nextGaussian();
            rows.add(RowFactory.create((long) i, Vectors.dense(a, b), y, Vectors.dense(y, a + b)));
        }
        StructType schema = new StructType(new StructField[] {
                new StructField("id", DataTypes.LongType, false, Metadata.empty()),
                new StructField("features", new VectorUDT(), false, Metadata.empty()),
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("pair", new VectorUDT(), false, Metadata.empty())});
        return spark.createDataFrame(rows, schema).cache();
    }
}
