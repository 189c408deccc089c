package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.categorical} and {@code data.dropNulls} end to end: a generated CSV whose label is decided by a string
 * {@code colour} column alone (the numeric {@code x} is noise), trained in this JVM.
 */
@ExtendWith(SparkSessionExtension.class)
class CategoricalJobTest {

    private static final List<String> COLOURS = List.of("red", "green", "blue");

    @Test
    void aColourColumnDecidesTheLabelAndAnUnseenColourStillScores(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path csv = writeShop(dir, 300, 0, 0);

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, job(csv, dir, 5, "")));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        // x carries no signal: without the colour the best accuracy is about 1/3.
        assertTrue(metrics.get("accuracy").asDouble() >= 0.95, metrics.toString());
        assertEquals(0, metrics.get("droppedNullRows").asLong());

        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("colour", DataTypes.StringType);
        Dataset<Row> fresh = spark.createDataFrame(List.of(RowFactory.create(0.5, "red"),
                RowFactory.create(0.5, "green"), RowFactory.create(0.5, "blue"), RowFactory.create(0.5, "purple")),
                schema);
        List<Row> scored = model.transform(fresh).select("colour", "colour_onehot", "prediction").collectAsList();

        assertEquals(4, scored.size(), "the unseen colour is scored, not dropped or failed");
        for (int i = 0; i < 3; i++) {
            assertEquals(i, scored.get(i).getDouble(2), 0.0, "colour " + scored.get(i).getString(0));
        }
        // Alphabetical indices blue 0, green 1, red 2; an unseen colour has the next position of its own.
        List<Integer> hot = scored.stream().map(r -> ((Vector) r.get(1)).argmax()).toList();
        assertEquals(List.of(2, 1, 0, 3), hot);
        Vector purple = (Vector) scored.get(3).get(1);
        assertEquals(1.0, purple.apply(3), 0.0);
        assertEquals(1.0, Arrays.stream(purple.toArray()).sum(), 0.0, "one position only: " + purple);
        assertEquals(4, purple.size(), "three colours and the unseen one: " + purple);

        Path unseen = dir.resolve("unseen.csv");
        Files.writeString(unseen, "x,colour\n0.1,red\n0.2,purple\n0.3,blue\n");
        JobFiles.Run predict = JobFiles.run("predict", JobFiles.write(dir, """
                name: predict-unseen
                predict:
                  model: %s
                  input: {path: %s, options: {header: "true", inferSchema: "true"}}
                  output: {path: %s}
                """.formatted(dir.resolve("model"), unseen, dir.resolve("scored"))));
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(3, spark.read().parquet(dir.resolve("scored").toString()).filter("prediction IS NOT NULL")
                .count());
    }

    @Test
    void nullsAreRefusedWithTheirCountsOrDroppedAndCounted(@TempDir Path dir) throws IOException {
        // 7 rows with no colour, 5 with no x (disjoint), and a null in the unused note column on every 4th row.
        Path csv = writeShop(dir, 120, 7, 5);

        JobFiles.Run refused = JobFiles.run("train", JobFiles.write(dir, job(csv, dir, 1, "")));

        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("column 'x' has 5 nulls, column 'colour' has 7 nulls")
                && refused.err().contains("12 of 120 rows") && refused.err().contains("data.dropNulls: true"),
                refused.err());

        JobFiles.Run dropped = JobFiles.run("train", JobFiles.write(dir, job(csv, dir, 1, "dropNulls: true")));

        assertEquals(0, dropped.exitCode(), dropped.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        assertEquals(120 - 12, metrics.get("trainRows").asLong() + metrics.get("testRows").asLong(),
                "rows with a null only in the unused note column are kept");
        assertEquals(12, metrics.get("droppedNullRows").asLong());
    }

    @Test
    void aNumericLabelWithMoreCategoriesThanClassesTrainsAndRetrainsWithTheClassesInTheReport(@TempDir Path dir)
            throws IOException {
        // Three colours but two classes (red or not): the colours' indexer must not name the classes.
        StringBuilder text = new StringBuilder("x,colour,label\n");
        Random random = new Random(3);
        for (int i = 0; i < 60; i++) {
            String colour = COLOURS.get(random.nextInt(COLOURS.size()));
            text.append(random.nextDouble()).append(',').append(colour).append(',')
                    .append(colour.equals("red") ? 1 : 0).append('\n');
        }
        Path csv = dir.resolve("red.csv");
        Files.writeString(csv, text);
        String yaml = job(csv, dir, 2, "").replace("name: shop-colours", "name: red-or-not")
                + "registry: {path: " + dir.resolve("registry") + ", name: red}\n";

        JobFiles.Run train = JobFiles.run("train", JobFiles.write(dir, yaml));
        JobFiles.Run retrain = JobFiles.run("retrain", JobFiles.write(dir, yaml));

        assertEquals(0, train.exitCode(), train.err());
        assertEquals(0, retrain.exitCode(), retrain.err());
        for (Path report : List.of(dir.resolve("model/report"), dir.resolve("registry/red/versions/1/report"))) {
            String confusion = Files.readString(report.resolve("confusion.csv"));
            assertTrue(!confusion.contains("blue") && !confusion.contains("green"), report + ":\n" + confusion);
        }
    }

    /**
     * A CSV of {@code rows} rows: x (noise), colour, note (unused, empty on every 4th row) and label (the colour's
     * position in {@link #COLOURS}). The first {@code noColour} rows have an empty colour, the next {@code noX} an
     * empty x.
     */
    private static Path writeShop(Path dir, int rows, int noColour, int noX) throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("x,colour,note,label\n");
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(COLOURS.size());
            String x = i >= noColour && i < noColour + noX ? "" : Double.toString(random.nextDouble());
            String colour = i < noColour ? "" : COLOURS.get(label);
            String note = i % 4 == 0 ? "" : "n" + i;
            text.append(x).append(',').append(colour).append(',').append(note).append(',').append(label).append('\n');
        }
        Path csv = dir.resolve("shop.csv");
        Files.writeString(csv, text);
        return csv;
    }

    private static String job(Path csv, Path dir, int epochs, String dataExtra) {
        return """
                name: shop-colours
                data:
                  path: %s
                  options: {header: "true", inferSchema: "true"}
                  label: label
                  features: [x, colour]
                  categorical: [colour]
                  %s
                split: {train: 0.8, test: 0.2, seed: 42}
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: {hiddenLayers: [8], maxEpochs: %d, batchSize: 32, updater: adam, learningRate: 0.05,
                           numWorkers: 1, averagingFrequency: 10, seed: 42}
                output: {model: %s}
                """.formatted(csv, dataExtra, epochs, dir.resolve("model"));
    }
}
