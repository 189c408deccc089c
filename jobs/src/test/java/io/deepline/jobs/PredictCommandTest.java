package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepline predict}: batch scoring with a saved model, atomic output, and its failure paths. */
@ExtendWith(SparkSessionExtension.class)
class PredictCommandTest {
    @TempDir
    static Path trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        JobFiles.Run run = JobFiles.run("train", JobFiles.write(trained, JobFiles.irisJob(trained, 3, "")));
        assertEquals(0, run.exitCode(), run.err());
    }

    private static String predictJob(Path model, Path output, String mode) {
        return """
                name: predict-test
                predict:
                  model: %s
                  input: {path: %s, options: {header: "true", inferSchema: "true"}}
                  output: {path: %s%s}
                """.formatted(model, DataSamples.dir().resolve("iris.csv"), output,
                mode == null ? "" : ", mode: " + mode);
    }

    private static List<String> siblings(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void scoresEveryRowKeepingTheInputColumnsAndWritesNothingPartial(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path output = dir.resolve("out").resolve("scored");
        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, predictJob(trained.resolve("model"), output,
                null)));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("predicted 150 rows"), run.out());
        Dataset<Row> scored = spark.read().parquet(output.toString());
        List<String> columns = List.of(scored.columns());
        assertAll(
                () -> assertEquals(150, scored.count(), "as many rows out as in"),
                () -> assertTrue(columns.containsAll(List.of("sepal_length", "sepal_width", "petal_length",
                        "petal_width", "label")), columns.toString()),
                () -> assertTrue(columns.containsAll(List.of("prediction", "probability")), columns.toString()),
                () -> assertEquals(List.of("scored"), siblings(output), "no temporary directory is left behind"));
        Dataset<Row> direct = PipelineModel.load(trained.resolve("model").toString())
                .transform(DataSamples.csv(spark, "iris.csv"));
        String[] others = {"sepal_width", "petal_length", "petal_width", "prediction"};
        assertEquals(direct.select("sepal_length", others).orderBy("sepal_length", others).collectAsList(),
                scored.select("sepal_length", others).orderBy("sepal_length", others).collectAsList(),
                "the written predictions are the saved model's, row for row");
    }

    @Test
    void anEarlierOutputIsKeptUnlessTheModeIsOverwriteAndAUsersFolderAlways(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path output = dir.resolve("scored");
        spark.range(3).write().parquet(output.toString());

        JobFiles.Run refused = JobFiles.run("predict", JobFiles.write(dir, predictJob(trained.resolve("model"), output,
                null)));
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("predict.output.path") && refused.err().contains("already holds"),
                refused.err());
        assertEquals(3, spark.read().parquet(output.toString()).count(), "the existing output is untouched");

        JobFiles.Run replaced = JobFiles.run("predict", JobFiles.write(dir, predictJob(trained.resolve("model"),
                output, "overwrite")));
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertEquals(150, spark.read().parquet(output.toString()).count());

        Path theirs = Files.createDirectories(dir.resolve("results"));
        Files.writeString(theirs.resolve("old.txt"), "earlier results");
        JobFiles.Run kept = JobFiles.run("predict", JobFiles.write(dir, predictJob(trained.resolve("model"), theirs,
                "overwrite")));
        assertEquals(2, kept.exitCode(), kept.out());
        assertTrue(kept.err().contains("predict.output.path: '" + theirs + "' exists") && kept.err()
                .contains("old.txt"), kept.err());
        assertEquals("earlier results", Files.readString(theirs.resolve("old.txt")));
    }

    /** Hadoop's bare "Input path does not exist" named neither the key nor the fix, with exit code 1. */
    @Test
    void aMissingModelIsAJobFileErrorNamingTheKeyAndTheFix(@TempDir Path dir) throws IOException {
        Path absent = dir.resolve("no-model");
        Path output = dir.resolve("scored");

        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, predictJob(absent, output, null)));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: predict.model: there is no model at '" + absent + "'"), run.err());
        assertTrue(run.err().contains("a train job's output.model"), run.err());
        assertFalse(Files.exists(output), "no output is created");
    }

    @Test
    void aCorruptModelFailsNamingItsPathAndCreatesNoOutput(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("model");
        copyTree(trained.resolve("model"), copy);
        Path zip;
        try (Stream<Path> files = Files.walk(copy)) {
            zip = files.filter(p -> p.getFileName().toString().equals("network.zip")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path output = dir.resolve("scored");

        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, predictJob(copy, output, null)));

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(copy.toString()), "the error names the model path: " + run.err());
        assertFalse(Files.exists(output), "no output is created");
    }

    @Test
    void inputLackingColumnsTheModelReadsFailsNamingThemAndWritesNothing(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("partial.csv");
        List<String> lines = Files.readAllLines(DataSamples.dir().resolve("iris.csv"));
        // Keep sepal_length, sepal_width and label; drop both petal columns.
        Files.write(input, lines.stream().map(l -> {
            String[] f = l.split(",");
            return f[0] + "," + f[1] + "," + f[4];
        }).toList());
        Path output = dir.resolve("scored");
        String yaml = predictJob(trained.resolve("model"), output, null)
                .replace(DataSamples.dir().resolve("iris.csv").toString(), input.toString());

        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, yaml));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("predict.input.path") && run.err().contains("[petal_length, petal_width]"),
                run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void aMalformedInputRecordFailsNamingItAndWritesNothing(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("extra.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(DataSamples.dir().resolve("iris.csv")));
        lines.set(75, lines.get(75) + ",7.7");
        Files.write(input, lines);
        Path output = dir.resolve("scored");
        String yaml = predictJob(trained.resolve("model"), output, null)
                .replace(DataSamples.dir().resolve("iris.csv").toString(), input.toString());

        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, yaml));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("predict.input.path") && run.err().contains("'" + lines.get(75) + "'")
                && run.err().contains("predict.input.options.mode"), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void badOutputSettingsAreNamedByTheirKey(@TempDir Path dir) throws IOException {
        String yaml = predictJob(trained.resolve("model"), dir.resolve("x"), "append");
        JobFiles.Run run = JobFiles.run("predict", JobFiles.write(dir, yaml));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("predict.output.mode") && run.err().contains("errorifexists, overwrite"),
                run.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
