package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does first: a DeepClassifier in a Spark ML Pipeline, fitted, saved, loaded and used again. Saving
 * is where a wrong Jackson on the classpath shows (NoClassDefFoundError), so the round trip is the point.
 */
class DeepClassifierPipelineTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("deepline-consumer")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void pipelineFitsSavesLoadsAndPredictsTheSame(@TempDir Path dir) throws Exception {
        Dataset<Row> data = twoBlobs(60);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(new String[] {"x", "y"}).setOutputCol("raw"),
            new StandardScaler().setInputCol("raw").setOutputCol("features"),
            new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(5).setBatchSize(16)
                    .setNumWorkers(2).setSeed(7L)
        });

        PipelineModel fitted = pipeline.fit(data);
        List<Row> before = predictions(fitted, data);
        String path = dir.resolve("model").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> after = predictions(loaded, data);

        assertEquals(data.count(), before.size());
        assertEquals(before, after, "the loaded pipeline must predict exactly as the fitted one");
        long right = before.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        assertTrue(right >= 0.8 * before.size(), right + " of " + before.size() + " right on well-separated blobs");
    }

    /** (label, prediction, probability) rows in id order (sorted here: an orderBy would add a shuffle). */
    private static List<Row> predictions(PipelineModel model, Dataset<Row> data) {
        List<Row> rows = new ArrayList<>(model.transform(data)
                .select("id", "label", "prediction", "probability").collectAsList());
        rows.sort(Comparator.comparingInt(r -> r.getInt(0)));
        return rows.stream().map(r -> RowFactory.create(r.get(1), r.get(2), r.get(3))).toList();
    }

    /** Two well-separated Gaussian blobs in the plane, label 0 around (-2,-2) and 1 around (2,2). */
    private static Dataset<Row> twoBlobs(int n) {
        Random random = new Random(1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double label = i % 2;
            double centre = label == 0 ? -2 : 2;
            rows.add(RowFactory.create(i, centre + random.nextGaussian(), centre + random.nextGaussian(), label));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType)
                .add("x", DataTypes.DoubleType)
                .add("y", DataTypes.DoubleType)
                .add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }
}
