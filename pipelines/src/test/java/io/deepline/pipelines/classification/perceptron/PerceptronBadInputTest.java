package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** Every bad input gets an IllegalArgumentException that names the column or Param and what was expected. */
@ExtendWith(SparkSessionExtension.class)
class PerceptronBadInputTest {

    private static PerceptronClassifier quick() {
        return new PerceptronClassifier().setMaxIter(2).setNumWorkers(2);
    }

    /** Two valid rows plus the given extra rows (each: features or null, label or null). */
    private static Dataset<Row> rowsWith(SparkSession spark, Object[]... extra) {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(Vectors.dense(0, 1), 0.0));
        rows.add(RowFactory.create(Vectors.dense(1, 0), 1.0));
        for (Object[] r : extra) {
            rows.add(RowFactory.create(r));
        }
        return spark.createDataFrame(rows, PerceptronSamples.SCHEMA);
    }

    private static void assertRejected(Executable fit, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void labelsOtherThanZeroAndOne(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), 2.0})), "'label'",
                "[0, 1, 2]", "labels must be 0 or 1");
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), -1.0})), "'label'",
                "-1.0", "labels must be 0 or 1");
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), 0.5})), "'label'",
                "0.5", "labels must be 0 or 1");
    }

    @Test
    void labelMetadataDeclaringThreeClasses(SparkSession spark) {
        Metadata threeClasses = NominalAttribute.defaultAttr().withNumValues(3).toMetadata();
        Dataset<Row> df = rowsWith(spark).withColumn("label", functions.col("label"), threeClasses);
        assertRejected(() -> quick().fit(df), "'label'", "declares 3 classes", "labels must be 0 or 1");
    }

    @Test
    void singleClass(SparkSession spark) {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(Vectors.dense(0, 1), 1.0),
                RowFactory.create(Vectors.dense(1, 1), 1.0)), PerceptronSamples.SCHEMA);
        assertRejected(() -> quick().fit(df), "'label'", "single class", "labels must be 0 or 1");
    }

    @Test
    void nullLabel(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), null})), "'label'",
                "null");
    }

    @Test
    void stringLabels(SparkSession spark) {
        Dataset<Row> df = rowsWith(spark).withColumn("label", functions.lit("cat"));
        assertRejected(() -> quick().fit(df), "'label'", "numeric");
    }

    @Test
    void nanOrNullFeatures(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(Double.NaN, 1), 0.0})),
                "'features'", "NaN or infinite");
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {null, 1.0})), "'features'", "null");
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 2, 3), 0.0})),
                "'features'", "different sizes");
    }

    @Test
    void missingOrNonVectorFeaturesColumn(SparkSession spark) {
        assertRejected(() -> quick().setFeaturesCol("pixels").fit(rowsWith(spark)), "'pixels'", "does not exist",
                "featuresCol");
        Dataset<Row> df = rowsWith(spark).withColumn("x", functions.lit(1.0));
        assertRejected(() -> quick().setFeaturesCol("x").fit(df), "'x'", "vectors", "VectorAssembler");
    }

    @Test
    void emptyDataFrame(SparkSession spark) {
        assertRejected(() -> quick().fit(spark.createDataFrame(List.of(), PerceptronSamples.SCHEMA)), "empty");
    }

    @Test
    void invalidParams() {
        assertRejected(() -> new PerceptronClassifier().setMaxIter(0), "maxIter");
        assertRejected(() -> new PerceptronClassifier().setMaxIter(-3), "maxIter");
        assertRejected(() -> new PerceptronClassifier().setNumWorkers(0), "numWorkers");
    }

    @Test
    void scoringProblemsNameTheColumn(SparkSession spark) {
        PerceptronClassificationModel model = quick().fit(rowsWith(spark));
        assertRejected(() -> model.predict(Vectors.dense(1, 2, 3)), "'features'", "size 3", "2 features");
        assertRejected(() -> model.setPredictionCol("label").transform(rowsWith(spark)), "'label'", "already exists");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PerceptronClassificationModel("perceptron_empty").transform(rowsWith(spark)));
        assertTrue(e.getMessage().contains("PerceptronClassifier.fit") && e.getMessage().contains("load"),
                e.getMessage());
    }
}
