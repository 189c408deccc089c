package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.testing.DataSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** Small (features, label) data sets for the perceptron tests: separable, XOR, iris setosa vs versicolor. */
final class PerceptronSamples {
    static final StructType SCHEMA = new StructType(new StructField[] {
            new StructField("features", new VectorUDT(), true, Metadata.empty()),
            new StructField("label", DataTypes.DoubleType, true, Metadata.empty())});

    private PerceptronSamples() {
    }

    /** Rows {features, label} as a DataFrame, in one partition so that the row order is the list order. */
    static Dataset<Row> frame(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA).coalesce(1);
    }

    /**
     * {@code n} points uniform in [-1, 1]^2, labelled 1 above the line {@code 2 x - y + 0.3 = 0} and 0 below it,
     * keeping only points at distance at least 0.1 from the line, so the data are separable with that margin.
     */
    static List<Row> separableRows(int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        double norm = Math.sqrt(5);
        while (rows.size() < n) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            double signedDistance = (2 * x - y + 0.3) / norm;
            if (Math.abs(signedDistance) >= 0.1) {
                rows.add(RowFactory.create(Vectors.dense(x, y), signedDistance > 0 ? 1.0 : 0.0));
            }
        }
        return rows;
    }

    /** XOR of two bits, each of the 4 points {@code copies} times: not linearly separable (Minsky and Papert). */
    static List<Row> xorRows(int copies) {
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            rows.add(RowFactory.create(Vectors.dense(0, 0), 0.0));
            rows.add(RowFactory.create(Vectors.dense(0, 1), 1.0));
            rows.add(RowFactory.create(Vectors.dense(1, 0), 1.0));
            rows.add(RowFactory.create(Vectors.dense(1, 1), 0.0));
        }
        return rows;
    }

    static final String[] IRIS_COLUMNS = {"sepal_length", "sepal_width", "petal_length", "petal_width"};

    private static Dataset<Row> irisRaw;

    /**
     * The raw iris CSV restricted to setosa (0) and versicolor (1), which are linearly separable. Read and cached
     * once per JVM: schema inference is a Spark job of its own, and the tests share one session.
     */
    static synchronized Dataset<Row> irisTwoClassesRaw(SparkSession spark) {
        if (irisRaw == null || irisRaw.sparkSession() != spark) {
            irisRaw = DataSamples.csv(spark, "iris.csv").filter(functions.col("label").lt(2)).cache();
        }
        return irisRaw;
    }

    /** Setosa vs versicolor as (features, label), assembled with VectorAssembler, unscaled. */
    static Dataset<Row> irisTwoClasses(SparkSession spark) {
        return new VectorAssembler().setInputCols(IRIS_COLUMNS).setOutputCol("features")
                .transform(irisTwoClassesRaw(spark))
                .select(functions.col("features"), functions.col("label").cast("double").as("label")).cache();
    }

    /** Rows whose prediction differs from their label. */
    static long trainingErrors(PerceptronClassificationModel model, Dataset<Row> data) {
        return model.transform(data).filter(functions.col("prediction").notEqual(functions.col("label"))).count();
    }
}
