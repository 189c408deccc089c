package io.deepline.jobs;

import io.deepline.pipelines.testing.DataSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/** Job files and in-process runs of {@link Main} for tests. */
public final class JobFiles {

    private JobFiles() {
    }

    /** What a run printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code deepline <args>} in this JVM (with the test's SparkSession, if one is running). */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A small iris job: absolute data path, outputs under {@code dir}. {@code epochs} keeps error-path tests cheap;
     * {@code extraParams} is appended to {@code model.params} (a flow mapping), e.g. {@code ", learningRte: 0.1"}.
     */
    public static String irisJob(Path dir, int epochs, String extraParams) {
        return """
                name: iris-test
                data:
                  path: %s
                  format: csv
                  options: {header: "true", inferSchema: "true"}
                  label: label
                split: {train: 0.8, test: 0.2, seed: 42}
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: {hiddenLayers: [16], activation: relu, maxEpochs: %d, batchSize: 16, updater: adam,
                           learningRate: 0.01, numWorkers: 2, seed: 42%s}
                output: {model: %s}
                """.formatted(DataSamples.dir().resolve("iris.csv"), epochs, extraParams, dir.resolve("model"));
    }

    /** The job with {@code data.path} replaced. */
    static String withDataPath(String yaml, String path) {
        return yaml.replaceFirst("path: .*", Matcher.quoteReplacement("path: " + path));
    }

    /** The job with {@code keys} (a flow mapping's entries, e.g. {@code "mode: overwrite"}) added to its output. */
    public static String withOutputKeys(String yaml, String keys) {
        return yaml.replaceFirst("output: \\{model: ([^}]*)}",
                Matcher.quoteReplacement("output: {model: ") + "$1" + Matcher.quoteReplacement(", " + keys + "}"));
    }

    /** The names in {@code dir}, sorted: shows any temporary or previous output left behind. */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes {@code yaml} to {@code dir/job.yaml} and returns its path as a string. */
    public static String write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }
}
