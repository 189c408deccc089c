package io.deepline.pipelines.generative;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The autoencoder honours the Spark ML contract, computes what its Javadoc says, and rejects bad input clearly. */
@ExtendWith(SparkSessionExtension.class)
class AutoEncoderContractTest {
    private static final StructType VECTORS = new StructType().add("features", SQLDataTypes.VectorType(), true);

    private static Dataset<Row> digits;
    private static AutoEncoderModel fitted;

    @BeforeAll
    static void fitOnce() {
        digits = DataSamples.digitsUnitScaled(SparkSessionExtension.session()).limit(300).cache();
        fitted = small().setDropout(0.1).setValidationFraction(0.2).setMaxEpochs(2).setNumWorkers(2).fit(digits);
    }

    private static AutoEncoder small() {
        return new AutoEncoder().setHiddenLayers(new int[] {16}).setCodeSize(4).setSeed(11);
    }

    private static List<Row> outputs(Dataset<Row> scored) {
        return scored.select("code", "reconstructionError").collectAsList();
    }

    @Test
    void savesLoadsAndCopies(@TempDir Path dir) throws IOException {
        AutoEncoder estimator = (AutoEncoder) fitted.parent();
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(fitted);
        StageContract.assertCopyAndUids(estimator, fitted);
        StageContract.assertSaveAndLoad(estimator, dir, AutoEncoder::load);
        AutoEncoderModel loaded = StageContract.assertSaveAndLoad(fitted, dir, AutoEncoderModel::load);
        assertEquals(outputs(fitted.transform(digits)), outputs(loaded.transform(digits)), "identical outputs");
        assertEquals(fitted.trainingHistory(), loaded.trainingHistory());
        assertEquals(64, loaded.numFeatures());
        assertEquals(fitted.codeLayerIndex(), loaded.codeLayerIndex());
        assertEquals(0.1, loaded.getDropout());
        assertTrue(loaded.trainingHistory().epochs().get(1).hasValidation(), "validated on the held-out rows");
        assertEquals("rmse", loaded.trainingHistory().validationMetricName());

        AutoEncoderModel copy = fitted.copy(ParamMap.empty());
        Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(outputs(loaded.transform(digits)), outputs(fitted.transform(digits)), "copies share no weights");
    }

    /** The columns are what the Javadoc defines: the code layer's activations and (1/D)·Σ (x − x̂)². */
    @Test
    void codeAndErrorMatchTheNetworkRunOnTheDriver() {
        List<Row> rows = fitted.setInferenceBatchSize(7).transform(digits).limit(20).collectAsList();
        MultiLayerNetwork net = fitted.toNetwork();
        for (Row row : rows) {
            Vector x = row.getAs("features");
            INDArray input = Nd4j.create(toFloats(x.toArray()), new long[] {1, 64}, 'c');
            float[] xHat = net.output(input, false).toFloatVector();
            double expected = 0;
            for (int j = 0; j < 64; j++) {
                expected += (x.apply(j) - xHat[j]) * (x.apply(j) - xHat[j]) / 64;
            }
            assertEquals(expected, row.<Double>getAs("reconstructionError"), 1e-6);
            float[] code = net.feedForwardToLayer(fitted.codeLayerIndex(), input, false)
                    .get(fitted.codeLayerIndex() + 1).toFloatVector();
            assertArrayEquals(toDoubles(code), ((Vector) row.getAs("code")).toArray(), 1e-6);
        }
        assertEquals(4, ((Vector) rows.get(0).getAs("code")).size());
    }

    @Test
    void worksInAPipelineSaveAndSkipsEmptyOutputColumns(@TempDir Path dir) throws IOException {
        AutoEncoder ae = small().setArchitecture("conv").setImageShape(new int[] {1, 8, 8})
                .setConvFilters(new int[] {4}).setMaxEpochs(1).setCodeCol("");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {ae}).fit(digits);
        String path = dir.resolve("pipeline").toString();
        model.write().overwrite().save(path);
        Dataset<Row> scored = PipelineModel.load(path).transform(digits);
        assertEquals(List.of("features", "label", "reconstructionError"), Arrays.asList(scored.columns()));
        assertEquals(model.transform(digits).select("reconstructionError").collectAsList(),
                scored.select("reconstructionError").collectAsList());
    }

    @Test
    void badDataNamesTheColumnAndTheFix(SparkSession spark) {
        assertFailsNaming(IllegalArgumentException.class, () -> small().setFeaturesCol("pixels").fit(digits),
                "'pixels' does not exist", "featuresCol");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setFeaturesCol("label").fit(digits),
                "'label'", "VectorAssembler");
        assertFailsNaming(IllegalArgumentException.class, () -> small().fit(vectors(spark,
                Vectors.dense(1, 2, 3, 4, 5, 6), Vectors.dense(1, Double.NaN, 3, 4, 5, 6))), "'features'", "NaN");
        assertFailsNaming(IllegalArgumentException.class, () -> small().fit(vectors(spark,
                Vectors.dense(1, 2, 3, 4, 5, 6), null)), "'features'", "null");
        assertFailsNaming(IllegalArgumentException.class, () -> small().fit(vectors(spark,
                Vectors.dense(1, 2, 3, 4, 5, 6), Vectors.dense(1, 2, 3, 4, 5))), "'features'", "different sizes");
        assertFailsNaming(IllegalArgumentException.class, () -> small().fit(digits.limit(0)), "empty", "'features'");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setCodeSize(6).fit(vectors(spark,
                Vectors.dense(1, 2, 3, 4, 5, 6))), "codeSize is 6", "codeSize < 6");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setWeightCol("w")
                .fit(digits.withColumn("w", functions.lit(-1.0))), "weight column 'w'", ">= 0");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setCodeCol("label").fit(digits),
                "'label' already exists", "codeCol");
        // Scoring checks sizes on the executors: Spark wraps the task's exception.
        SparkException wrapped = assertThrows(SparkException.class, () -> fitted.transform(vectors(spark,
                Vectors.dense(1, 2, 3))).collectAsList());
        Throwable cause = wrapped;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalArgumentException.class, cause);
        assertTrue(cause.getMessage().contains("'features' must hold vectors of size 64"), cause.getMessage());
        assertFailsNaming(IllegalStateException.class, () -> new AutoEncoderModel("m").transform(digits),
                "AutoEncoder.fit");
    }

    @Test
    void badParamsNameTheParamAndTheFix() {
        assertFailsNaming(IllegalArgumentException.class, () -> small().setCodeSize(0), "codeSize");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setArchitecture("rnn"), "architecture");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setReconstructionLoss("l1"),
                "reconstructionLoss");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setHiddenLayers(new int[] {0}),
                "hiddenLayers");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setArchitecture("conv").fit(digits),
                "imageShape is not set", "[1, 8, 8]");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setArchitecture("conv")
                .setImageShape(new int[] {1, 7, 7}).fit(digits), "imageShape [1, 7, 7] holds 49", "64");
        assertFailsNaming(IllegalArgumentException.class, () -> small().setArchitecture("conv")
                .setImageShape(new int[] {1, 8, 8}).setConvFilters(new int[] {2, 2, 2, 2}).fit(digits),
                "halved only 3 times");
    }

    @Test
    void corruptModelDirectoriesAreNamed(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model");
        fitted.save(model.toString());
        Path metadata = model.resolve("metadata/part-00000");
        String json = Files.readString(metadata);
        assertTrue(json.contains("\"codeLayerIndex\":" + fitted.codeLayerIndex()), json);
        Files.deleteIfExists(model.resolve("metadata/.part-00000.crc")); // Hadoop's checksum of the original
        Files.writeString(metadata, json.replace("\"codeLayerIndex\":" + fitted.codeLayerIndex(),
                "\"codeLayerIndex\":9"));
        assertFailsNaming(IllegalStateException.class, () -> AutoEncoderModel.load(model.toString()),
                model.toString(), "layer 9", "corrupt");
        Files.writeString(metadata, json.replace("\"codeLayerIndex\"", "\"other\""));
        assertFailsNaming(IllegalStateException.class, () -> AutoEncoderModel.load(model.toString()),
                "codeLayerIndex", "corrupt");
        Files.writeString(metadata, json);
        Files.delete(model.resolve("data/network.zip"));
        assertFailsNaming(IllegalStateException.class, () -> AutoEncoderModel.load(model.toString()),
                "network.zip", "missing");
    }

    private static Dataset<Row> vectors(SparkSession spark, Vector... rows) {
        return spark.createDataFrame(Arrays.stream(rows).map(v -> RowFactory.create(v)).toList(), VECTORS);
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
