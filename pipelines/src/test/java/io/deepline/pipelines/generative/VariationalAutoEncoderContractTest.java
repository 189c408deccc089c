package io.deepline.pipelines.generative;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The VAE stages honour the Spark ML contract and reject bad input clearly. */
@ExtendWith(SparkSessionExtension.class)
class VariationalAutoEncoderContractTest {
    private static final StructType VECTORS = new StructType().add("features", SQLDataTypes.VectorType());

    private static VariationalAutoEncoder tiny() {
        return new VariationalAutoEncoder().setEncoderLayers(new int[] {16}).setDecoderLayers(new int[] {16})
                .setLatentSize(2).setMaxEpochs(2).setNumWorkers(2).setBatchSize(32).setNumSamples(4);
    }

    private static Dataset<Row> digits(SparkSession spark, int rows) {
        return DataSamples.digitsUnitScaled(spark).limit(rows).select("features");
    }

    private static List<Row> scores(Dataset<Row> scored) {
        return scored.select("latentMean", "reconstructionLogProb").collectAsList();
    }

    private static Dataset<Row> rows(SparkSession spark, double[]... vectors) {
        return spark.createDataFrame(Arrays.stream(vectors)
                .map(v -> RowFactory.create(v == null ? null : Vectors.dense(v))).toList(), VECTORS);
    }

    @Test
    void savesLoadsCopiesAndRunsInAPipeline(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> data = digits(spark, 200).cache();
        VariationalAutoEncoder vae = tiny().setReconstructionDistribution("gaussian").setActivation("tanh");
        VariationalAutoEncoderModel model = vae.fit(data);
        StageContract.assertWellFormedStage(vae);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(vae, model);
        StageContract.assertSaveAndLoad(vae, dir, VariationalAutoEncoder::load);
        VariationalAutoEncoderModel loaded = StageContract.assertSaveAndLoad(model, dir,
                VariationalAutoEncoderModel::load);
        assertEquals(scores(model.transform(data)), scores(loaded.transform(data)), "identical transform output");
        assertEquals(model.sample(5, 3).collectAsList(), loaded.sample(5, 3).collectAsList(), "identical samples");
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
        assertEquals("gaussian", loaded.getReconstructionDistribution());
        assertEquals(64, loaded.numFeatures());
        assertEquals(2, loaded.numLatent());

        VariationalAutoEncoderModel copy = model.copy(ParamMap.empty());
        Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(scores(loaded.transform(data)), scores(model.transform(data)), "copies share no weights");

        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {tiny().setMaxEpochs(1)}).fit(data);
        String path = dir.resolve("pipeline").toString();
        pipeline.write().overwrite().save(path);
        assertEquals(scores(pipeline.transform(data)), scores(PipelineModel.load(path).transform(data)));
        assertNotEquals(scores(pipeline.transform(data)), scores(model.transform(data)));
    }

    @Test
    void rejectsBadColumnsAndValuesNamingTheColumn(SparkSession spark) {
        VariationalAutoEncoder vae = tiny();
        assertFailsNaming(IllegalArgumentException.class, () -> vae.setFeaturesCol("pixels").fit(digits(spark, 10)),
                "'pixels'", "does not exist");
        vae.setFeaturesCol("features");
        assertFailsNaming(IllegalArgumentException.class,
                () -> vae.fit(spark.range(3).selectExpr("cast(id as double) AS features")), "'features'", "vector");
        assertFailsNaming(IllegalArgumentException.class, () -> vae.fit(digits(spark, 10).limit(0)), "empty");
        assertFailsNaming(IllegalArgumentException.class, () -> vae.fit(rows(spark, new double[] {0.1, 0.2}, null)),
                "'features'", "null");
        assertFailsNaming(IllegalArgumentException.class,
                () -> vae.fit(rows(spark, new double[] {0.1, 0.2}, new double[] {0.3})), "'features'", "sizes");
        assertFailsNaming(IllegalArgumentException.class,
                () -> vae.fit(rows(spark, new double[] {0.1, Double.NaN}, new double[] {0.3, 0.2})), "'features'",
                "NaN");
        assertFailsNaming(IllegalArgumentException.class,
                () -> vae.fit(rows(spark, new double[] {0.1, 3.0}, new double[] {0.3, 0.2})), "'features'", "[0, 1]",
                "MinMaxScaler", "gaussian");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setLatentMeanCol("features")
                .fit(digits(spark, 10)), "latentMeanCol");
    }

    @Test
    void rejectsInvalidParamsAndUnsupportedOptions(SparkSession spark) {
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setLatentSize(0), "latentSize");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setEncoderLayers(new int[0]), "encoderLayers");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setDecoderLayers(new int[] {4, -1}),
                "decoderLayers");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setReconstructionDistribution("poisson"),
                "reconstructionDistribution");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setNumSamples(0), "numSamples");
        VariationalAutoEncoder weighted = tiny();
        weighted.set(weighted.weightCol(), "w");
        assertFailsNaming(IllegalArgumentException.class, () -> weighted.fit(digits(spark, 10)), "weightCol");
        VariationalAutoEncoder validated = tiny();
        validated.set(validated.validationFraction(), 0.2);
        assertFailsNaming(IllegalArgumentException.class, () -> validated.fit(digits(spark, 10)),
                "validationFraction");
    }

    @Test
    void modelRejectsBadRowsSamplesAndCorruptDirectories(SparkSession spark, @TempDir Path dir) throws IOException {
        VariationalAutoEncoderModel model = tiny().setMaxEpochs(1).fit(digits(spark, 64));
        assertFailsNaming(Exception.class, () -> model.transform(rows(spark, new double[] {0.1, 0.2})).count(),
                "'features'", "64");
        assertFailsNaming(IllegalArgumentException.class, () -> model.transform(
                spark.range(2).selectExpr("cast(id as double) AS features")), "'features'", "vector");
        assertFailsNaming(IllegalArgumentException.class, () -> model.sample(0, 1), "n > 0");
        assertFailsNaming(IllegalStateException.class, () -> new VariationalAutoEncoderModel("empty").sample(1, 1),
                "VariationalAutoEncoder.fit");

        String path = dir.resolve("vae").toString();
        model.write().overwrite().save(path);
        Files.delete(dir.resolve("vae/data/network.zip"));
        assertFailsNaming(RuntimeException.class, () -> VariationalAutoEncoderModel.load(path), "network.zip");
        assertFailsNaming(RuntimeException.class, () -> VariationalAutoEncoderModel.load(dir.resolve("none")
                .toString()), "none");
    }

    @Test
    void schemaAddsTheTwoOutputColumns() {
        StructType out = tiny().transformSchema(VECTORS);
        assertEquals(SQLDataTypes.VectorType(), out.apply("latentMean").dataType());
        assertEquals(DataTypes.DoubleType, out.apply("reconstructionLogProb").dataType());
    }
}
