package io.deepline.pipelines.regression;

import io.deepline.pipelines.testing.DataSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Regression data for tests: the diabetes data set, and seeded synthetic GLM data. */
final class RegressionData {
    private RegressionData() {
    }

    /** diabetes.csv: the 10 features standardised into {@code features}, the disease progression as {@code label}. */
    static Dataset<Row> diabetes(SparkSession spark) {
        Dataset<Row> raw = DataSamples.csv(spark, "diabetes.csv");
        String[] inputs = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};
        Dataset<Row> assembled = new VectorAssembler().setInputCols(inputs).setOutputCol("raw").transform(raw)
                .select(functions.col("raw"), functions.col("target").cast("double").as("label"));
        return new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true).setWithStd(true)
                .fit(assembled).transform(assembled).select("features", "label").cache();
    }

    /** Rows (features, label) where label is a double or an ml Vector. */
    static Dataset<Row> frame(SparkSession spark, List<Row> rows, boolean vectorLabel) {
        StructType schema = new StructType(new StructField[] {
                new StructField("features", new VectorUDT(), true, Metadata.empty()),
                new StructField("label", vectorLabel ? new VectorUDT() : DataTypes.DoubleType, true, Metadata.empty())});
        return spark.createDataFrame(rows, schema);
    }

    /** y ~ Poisson(exp(b + w·x)) with x ~ N(0, I), seeded. */
    static Dataset<Row> poisson(SparkSession spark, int n, double b, double[] w, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = new double[w.length];
            double eta = b;
            for (int j = 0; j < w.length; j++) {
                x[j] = random.nextGaussian();
                eta += w[j] * x[j];
            }
            rows.add(RowFactory.create(Vectors.dense(x), (double) samplePoisson(Math.exp(eta), random)));
        }
        return frame(spark, rows, false).cache();
    }

    /** Knuth's method; fine for the small means used here. */
    private static int samplePoisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
