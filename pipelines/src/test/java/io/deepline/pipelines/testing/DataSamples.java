package io.deepline.pipelines.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/** Loads the real data sets in {@code data-samples/} as (features, label) DataFrames. */
public final class DataSamples {
    private DataSamples() {
    }

    /** The repository's {@code data-samples} directory, found by walking up from the working directory. */
    public static Path dir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("data-samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no data-samples directory above " + Paths.get("").toAbsolutePath());
    }

    /** The CSV as read by Spark (header, inferred types). */
    public static Dataset<Row> csv(SparkSession spark, String file) {
        return spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir().resolve(file).toString());
    }

    /** (features, label) with every column but {@code label} assembled, optionally standardised. */
    public static Dataset<Row> labeledVectors(SparkSession spark, String file, boolean standardize) {
        Dataset<Row> raw = csv(spark, file);
        String[] inputs = Arrays.stream(raw.columns()).filter(c -> !c.equals("label")).toArray(String[]::new);
        Dataset<Row> assembled = new VectorAssembler().setInputCols(inputs).setOutputCol("raw")
                .transform(raw).select(functions.col("raw"), functions.col("label").cast("double").as("label"));
        if (!standardize) {
            return assembled.withColumnRenamed("raw", "features");
        }
        return new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true).setWithStd(true)
                .fit(assembled).transform(assembled).select("features", "label");
    }

    public static Dataset<Row> iris(SparkSession spark) {
        return labeledVectors(spark, "iris.csv", true).cache();
    }

    public static Dataset<Row> digits(SparkSession spark) {
        return labeledVectors(spark, "digits8x8.csv.gz", true).cache();
    }

    /**
     * The 10,000 MNIST digits as (features, label), 784 pixels in row-major 28×28 order scaled from 0..255 to [0, 1]
     * (what a Bernoulli reconstruction or a sigmoid output expects). The schema is given, not inferred: inferring
     * 785 columns would scan the file twice.
     */
    public static Dataset<Row> mnist(SparkSession spark) {
        return scaledPixels(spark, "mnist10k.csv.gz", 784, 255.0);
    }

    /** The 1,797 8×8 digits as (features, label), pixels scaled from 0..16 to [0, 1]. */
    public static Dataset<Row> digitsUnitScaled(SparkSession spark) {
        return scaledPixels(spark, "digits8x8.csv.gz", 64, 16.0);
    }

    private static Dataset<Row> scaledPixels(SparkSession spark, String file, int pixels, double max) {
        StructType schema = new org.apache.spark.sql.types.StructType();
        String[] inputs = new String[pixels];
        for (int i = 0; i < pixels; i++) {
            inputs[i] = "p" + i;
            schema = schema.add(inputs[i], "double");
        }
        schema = schema.add("label", "double");
        Dataset<Row> raw = spark.read().option("header", "true").schema(schema).csv(dir().resolve(file).toString());
        Dataset<Row> assembled = new VectorAssembler().setInputCols(inputs).setOutputCol("pixels").transform(raw);
        ElementwiseProduct scale = new ElementwiseProduct()
                .setInputCol("pixels").setOutputCol("features")
                .setScalingVec(Vectors.dense(filled(pixels, 1.0 / max)));
        return scale.transform(assembled).select("features", "label").cache();
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
