package io.deepline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jobs jar in a child JVM, as {@code bin/deepline} does: {@code java <Spark's JDK 17 flags> -cp
 * <jar>:<Spark's jars> io.deepline.jobs.Main train <job.yaml>}. The paths come from failsafe's system properties
 * ({@code deepline.root}, {@code deepline.jobs.jar}, {@code deepline.spark.classpath}).
 */
class PackagedJobSmokeIT {

    private static final long TIMEOUT_MINUTES = 3;

    private static Path root;
    private static Path jar;
    private static String sparkClasspath;
    private static List<String> jvm17Opts;

    @BeforeAll
    static void locateArtifacts() throws IOException {
        root = Path.of(System.getProperty("deepline.root")).toRealPath();
        jar = Path.of(System.getProperty("deepline.jobs.jar"));
        Path classpathFile = Path.of(System.getProperty("deepline.spark.classpath"));
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + "; build the jobs module first");
        assertTrue(Files.isRegularFile(classpathFile), "no Spark classpath file at " + classpathFile);
        sparkClasspath = Files.readString(classpathFile).trim();
        jvm17Opts = Arrays.stream(Files.readString(root.resolve("conf/jvm17.opts")).trim().split("\\s+")).toList();
    }

    @Test
    void theShadedJarTrainsIrisAndSavesTheModelAndMetrics() throws Exception {
        Path work = workDir("iris");
        Path model = work.resolve("model");
        Path job = write(work, """
                name: iris-smoke
                data:
                  path: %s
                  options: {header: "true", inferSchema: "true"}
                  label: label
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: {hiddenLayers: [16], maxEpochs: 40, batchSize: 16, updater: adam, learningRate: 0.01,
                           numWorkers: 2, seed: 42}
                output: {model: %s}
                """.formatted(root.resolve("data-samples/iris.csv"), model));

        Result run = launch(work, "train", job.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().contains("accuracy"), run.describe());
        Path metricsFile = model.resolve("metrics.json");
        assertTrue(Files.isRegularFile(metricsFile), run.describe());
        JsonNode metrics = new ObjectMapper().readTree(metricsFile.toFile());
        assertTrue(metrics.get("accuracy").asDouble() >= 0.85, metrics.toString());
        assertEquals(40, metrics.get("epochs").asInt(), metrics.toString());
        assertTrue(Files.isDirectory(model.resolve("metadata")), "no metadata in " + model);
        assertTrue(Files.isDirectory(model.resolve("stages")), "no stages in " + model);
    }

    @Test
    void anUnknownKeyExitsNonZeroNamingTheKeyWithoutAStackTrace() throws Exception {
        Path work = workDir("bad-key");
        Path job = write(work, """
                name: bad-key
                data: {path: %s, label: label, featurs: [sepal_length]}
                model: {type: DeepClassifier}
                output: {model: %s}
                """.formatted(root.resolve("data-samples/iris.csv"), work.resolve("model")));

        Result run = launch(work, "train", job.toString());

        assertNotEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stderr().contains("data.featurs"), run.describe());
        assertFalse(run.stderr().contains("at io."), run.describe());
        assertFalse(run.stderr().contains("Exception in thread"), run.describe());
    }

    @Test
    void theShadedJarKeepsTheStageRegistrationsForServiceLoader() throws IOException {
        // The shade plugin merges META-INF/services files; were it to drop or garble ours, Spark 4's ML on Connect
        // would not find Deepline's stages from the jar that users --jars onto a cluster.
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String service : List.of("org.apache.spark.ml.Estimator", "org.apache.spark.ml.Transformer")) {
                ZipEntry entry = zip.getEntry("META-INF/services/" + service);
                assertTrue(entry != null, jar + " has no META-INF/services/" + service);
                List<String> listed = new String(zip.getInputStream(entry).readAllBytes()).lines()
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                assertTrue(listed.size() >= 14, service + " lists " + listed);
                for (String className : listed) {
                    assertTrue(zip.getEntry(className.replace('.', '/') + ".class") != null,
                            service + " lists " + className + ", which is not in " + jar);
                }
            }
        }
    }

    /** Starts {@code io.deepline.jobs.Main} in a child JVM in {@code work} and waits for it. */
    private static Result launch(Path work, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm17Opts);
        command.addAll(List.of("-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=2G",
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
                "-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties"),
                "-cp", jar + ":" + sparkClasspath, "io.deepline.jobs.Main"));
        command.addAll(List.of(args));
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        // Files, not pipes: a child that fills a pipe nobody reads would block forever.
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("deepline did not finish in " + TIMEOUT_MINUTES + " min:\n"
                    + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /**
     * A fresh directory under {@code java.io.tmpdir} (the parent POM points it at {@code target/tmp}, which may not
     * exist yet).
     */
    private static Path workDir(String name) throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(tmp, "smoke-" + name + "-");
    }

    private static Path write(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("job.yaml"), yaml);
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }
}
