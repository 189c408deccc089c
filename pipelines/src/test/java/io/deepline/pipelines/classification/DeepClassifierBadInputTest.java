package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.NominalAttribute;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** Every bad input gets an IllegalArgumentException that names the column or param and what was expected. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierBadInputTest {
    private static final StructType SCHEMA = new StructType(new StructField[] {
            new StructField("features", new VectorUDT(), true, Metadata.empty()),
            new StructField("label", DataTypes.DoubleType, true, Metadata.empty())});

    private static DeepClassifier quick() {
        return new DeepClassifier().setHiddenLayers(new int[] {3}).setMaxEpochs(1).setNumWorkers(2);
    }

    /** Valid rows plus the given extra rows (each: features or null, label or null). */
    private static Dataset<Row> rowsWith(SparkSession spark, Object[]... extra) {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(Vectors.dense(0, 1), 0.0));
        rows.add(RowFactory.create(Vectors.dense(1, 0), 1.0));
        for (Object[] r : extra) {
            rows.add(RowFactory.create(r));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static void assertRejected(Executable fit, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void missingFeaturesColumn(SparkSession spark) {
        assertRejected(() -> quick().setFeaturesCol("pixels").fit(rowsWith(spark)), "'pixels'", "does not exist",
                "featuresCol");
    }

    @Test
    void nonVectorFeaturesColumn(SparkSession spark) {
        Dataset<Row> df = rowsWith(spark).withColumn("x", org.apache.spark.sql.functions.lit(1.0));
        assertRejected(() -> quick().setFeaturesCol("x").fit(df), "'x'", "vectors", "double", "VectorAssembler");
    }

    @Test
    void vectorsOfDifferentSizes(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 2, 3), 0.0})),
                "'features'", "different sizes", "2", "3");
    }

    @Test
    void nanAndInfiniteFeatures(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(Double.NaN, 1), 0.0})),
                "'features'", "NaN or infinite");
        assertRejected(() -> quick().fit(rowsWith(spark,
                new Object[] {Vectors.sparse(2, new int[] {1}, new double[] {Double.POSITIVE_INFINITY}), 1.0})),
                "'features'", "NaN or infinite");
    }

    @Test
    void nullFeatures(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {null, 0.0})), "'features'", "null");
    }

    @Test
    void nullLabel(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), null})), "'label'", "null");
    }

    @Test
    void negativeOrNonIntegerLabels(SparkSession spark) {
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), -1.0})), "'label'",
                "negative", "-1.0", "0-based");
        assertRejected(() -> quick().fit(rowsWith(spark, new Object[] {Vectors.dense(1, 1), 1.5})), "'label'",
                "non-integer", "1.5");
    }

    @Test
    void labelOutsideItsDeclaredClasses(SparkSession spark) {
        Metadata twoClasses = NominalAttribute.defaultAttr().withNumValues(2).toMetadata();
        Dataset<Row> df = rowsWith(spark, new Object[] {Vectors.dense(1, 1), 2.0})
                .withColumn("label", org.apache.spark.sql.functions.col("label"), twoClasses);
        assertRejected(() -> quick().fit(df), "'label'", "label 2", "2 classes");
    }

    @Test
    void stringLabels(SparkSession spark) {
        Dataset<Row> df = rowsWith(spark).withColumn("label", org.apache.spark.sql.functions.lit("cat"));
        assertRejected(() -> quick().fit(df), "'label'", "numeric", "StringIndexer");
    }

    @Test
    void emptyDataFrame(SparkSession spark) {
        assertRejected(() -> quick().fit(spark.createDataFrame(List.of(), SCHEMA)), "empty");
    }

    @Test
    void singleClass(SparkSession spark) {
        Dataset<Row> df = spark.createDataFrame(Arrays.asList(RowFactory.create(Vectors.dense(0, 1), 1.0),
                RowFactory.create(Vectors.dense(1, 1), 1.0)), SCHEMA);
        assertRejected(() -> quick().fit(df), "'label'", "single class", "1.0");
    }

    @Test
    void invalidHyperparameters() {
        assertRejected(() -> new DeepClassifier().setLearningRate(0), "learningRate");
        assertRejected(() -> new DeepClassifier().setLearningRate(-0.1), "learningRate");
        assertRejected(() -> new DeepClassifier().setHiddenLayers(new int[] {4, -1}), "hiddenLayers");
        assertRejected(() -> new DeepClassifier().setDropout(1.0), "dropout");
        assertRejected(() -> new DeepClassifier().setNumWorkers(0), "numWorkers");
        assertRejected(() -> new DeepClassifier().setBatchSize(0), "batchSize");
        assertRejected(() -> new DeepClassifier().setActivation("softmax"), "activation");
        assertRejected(() -> new DeepClassifier().setUpdater("lbfgs"), "updater");
        assertRejected(() -> new DeepClassifier().setLeakyReluSlope(1.0), "leakyReluSlope");
        assertRejected(() -> new DeepClassifier().setLeakyReluSlope(0.0), "leakyReluSlope");
        assertRejected(() -> new DeepClassifier().setWeightInit("orthogonal"), "weightInit");
        assertRejected(() -> new DeepClassifier().setMomentum(1.0), "momentum");
        assertRejected(() -> new DeepClassifier().setBinaryOutput("tanh"), "binaryOutput");
    }

    @Test
    void scoringVectorsOfTheWrongSizeNamesTheColumn(SparkSession spark) {
        DeepClassificationModel model = quick().fit(DataSamples.iris(spark));
        Exception e = assertThrows(Exception.class, () -> model.transform(rowsWith(spark)).collectAsList());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root instanceof IllegalArgumentException && root.getMessage().contains("'features'")
                && root.getMessage().contains("size 4"), "root cause: " + root);
        assertRejected(() -> model.predict(Vectors.dense(1, 2)), "size 2", "4 features");
    }

    @Test
    void outputColumnThatAlreadyExists(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel model = quick().fit(iris);
        assertRejected(() -> model.setPredictionCol("label").transform(iris), "'label'", "already exists");
    }

    @Test
    void unfittedModelSaysHowToGetOne(SparkSession spark) {
        DeepClassificationModel empty = new DeepClassificationModel("deepClassifier_empty");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> empty.transform(DataSamples.iris(spark)));
        assertTrue(e.getMessage().contains("DeepClassifier.fit") && e.getMessage().contains("load"), e.getMessage());
    }

    @Test
    void residualNetworkWithoutHiddenLayers(SparkSession spark) {
        assertRejected(() -> quick().setHiddenLayers(new int[0]).setResidual(true).fit(DataSamples.iris(spark)),
                "residual", "hiddenLayers");
    }

    @Test
    void sigmoidOutputNeedsTwoClasses(SparkSession spark) {
        assertRejected(() -> quick().setBinaryOutput("sigmoid").fit(DataSamples.iris(spark)), "binaryOutput=sigmoid",
                "'label'", "3", "softmax");
    }
}
