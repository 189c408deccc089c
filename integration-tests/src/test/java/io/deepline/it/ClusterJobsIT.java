package io.deepline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.it.cluster.EventLog;
import io.deepline.it.cluster.LocalCluster;
import io.deepline.it.cluster.ModuleClock;
import io.deepline.it.cluster.Submit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shaded jobs jar on a real Spark standalone cluster (a master and two 1-core workers, each a child JVM on
 * 127.0.0.1) with its data, models and registry on HDFS (a MiniDFSCluster). One cluster serves every scenario,
 * in order: train, then predict and evaluate with the trained model, then two retrains against an HDFS registry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Metrics that evaluate must reproduce from the train job's test split. */
    private static final List<String> TEST_METRICS = List.of("accuracy", "f1Macro", "weightedF1",
            "precisionMacro", "recallMacro", "logLoss", "confusionMatrix");

    private static long startNanos;
    private static LocalCluster local;
    private static String digits;
    private static String model;
    private static JsonNode trainMetrics;

    @BeforeAll
    static void startClusterAndHdfs() throws Exception {
        startNanos = System.nanoTime();
        local = LocalCluster.start();
        digits = local.hdfs().upload(local.root().resolve("data-samples/digits8x8.csv.gz"),
                "/data/digits8x8.csv.gz");
        model = local.hdfs().uri("/models/digits");
        System.out.printf("cluster and HDFS up in %.1f s%n", seconds());
    }

    @AfterAll
    static void stopEverything() {
        if (local != null) {
            local.close();
            assertFalse(local.anyProcessAlive(), "a master, worker or executor outlived the cluster's stop");
        }
        System.out.printf("ClusterJobsIT: %.1f s in all; the module so far %.1f s%n", seconds(), ModuleClock.seconds());
        assertTrue(ModuleClock.seconds() <= ModuleClock.BUDGET_SECONDS, "the integration tests have taken "
                + ModuleClock.seconds() + " s so far; the module's budget is " + ModuleClock.BUDGET_SECONDS + " s");
    }

    @Test
    @Order(1)
    void trainReadsHdfsOnTwoExecutorsAndSavesModelAndMetricsToHdfs() throws Exception {
        Submit.Run run = local.submit("train", "train", trainJob(""));

        assertEquals(0, run.exitCode(), run.describe());
        trainMetrics = JSON.readTree(local.hdfs().readText(model + "/metrics.json"));
        double accuracy = trainMetrics.path("accuracy").asDouble(Double.NaN);
        assertTrue(accuracy >= 0.93, "accuracy " + accuracy + " < 0.93: " + trainMetrics + "\n" + run.describe());
        assertTrue(local.hdfs().fileSystem().exists(new org.apache.hadoop.fs.Path(model + "/metadata")),
                "no PipelineModel metadata under " + model);
        EventLog events = EventLog.read(run.eventLogDir());
        Map<String, Integer> tasks = events.succeededTasksPerExecutor();
        assertFalse(tasks.containsKey("driver"), "tasks ran in the driver, not on the cluster: " + tasks);
        assertEquals(LocalCluster.WORKERS, tasks.size(), "tasks per executor " + tasks + "\n" + run.describe());
        // Two workers on two free slots: the fit trains in collective mode, one barrier stage per epoch whose two
        // tasks run on both executors and average with each other, instead of one Spark job per averaging round.
        assertTrue(run.driverOutput().contains("syncMode auto chose collective"),
                "auto did not choose collective\n" + run.describe());
        List<EventLog.StageAttempt> barrier = events.barrierStageAttempts();
        assertEquals(DigitsJob.EPOCHS, barrier.size(), "barrier stages " + barrier + "\n" + run.describe());
        for (EventLog.StageAttempt stage : barrier) {
            assertTrue(stage.succeeded() && stage.tasks() == 2 && stage.executors().size() == 2,
                    "a collective epoch's stage: " + stage);
        }
        int jobs = events.jobCount();
        System.out.printf("train: accuracy %.4f, tasks per executor %s, %d barrier stages, %d Spark jobs in all"
                + " (%.1f s)%n", accuracy, tasks, barrier.size(), jobs, seconds());
    }

    @Test
    @Order(2)
    void predictOverHdfsWritesOneRowPerInputRow() throws Exception {
        String output = local.hdfs().uri("/predictions/digits");
        Submit.Run run = local.submit("predict", "predict", """
                name: cluster-predict
                predict:
                  model: %s
                  input: {path: %s, format: csv, options: {header: "true", inferSchema: "true"}}
                  output: {path: %s, format: parquet}
                """.formatted(model, digits, output));

        assertEquals(0, run.exitCode(), run.describe());
        long inputRows = csvGzRows(local.root().resolve("data-samples/digits8x8.csv.gz"));
        long outputRows = parquetRows(output);
        assertEquals(inputRows, outputRows, "rows in " + output + "\n" + run.describe());
        System.out.printf("predict: %d rows in, %d rows out (%.1f s)%n", inputRows, outputRows, seconds());
    }

    @Test
    @Order(3)
    void evaluateReproducesTheTrainTimeMetrics() throws Exception {
        assertNotNull(trainMetrics, "the train scenario did not produce metrics; see its failure");
        Submit.Run run = local.submit("evaluate", "evaluate", trainJob(""));

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode evaluated = JSON.readTree(local.hdfs().readText(model + "/evaluation/metrics.json"));
        for (String metric : TEST_METRICS) {
            assertTrue(trainMetrics.has(metric), "train metrics.json has no " + metric + ": " + trainMetrics);
            String message = metric + ": train " + trainMetrics + "\nevaluate " + evaluated;
            if (trainMetrics.get(metric).isNumber()) {
                // The same rows and parameters; only a sum's order of addition could differ.
                assertEquals(trainMetrics.get(metric).asDouble(), evaluated.path(metric).asDouble(Double.NaN), 1e-9,
                        message);
            } else {
                assertEquals(trainMetrics.get(metric), evaluated.get(metric), message);
            }
        }
        System.out.printf("evaluate: accuracy %s as at train time (%.1f s)%n", evaluated.get("accuracy"),
                seconds());
    }

    @Test
    @Order(4)
    void retrainTwiceAgainstAnHdfsRegistryPromotesTheFirstAndAppliesTheRuleToTheSecond() throws Exception {
        String registry = local.hdfs().uri("/registry/digits");
        // 4 epochs: the promotion rule, not the accuracy, is under test here.
        String job = DigitsJob.train(digits, model, DigitsJob.params(4, "")) + """
                registry: {path: %s, name: digits, minImprovement: 0.002}
                """.formatted(local.hdfs().uri("/registry"));

        Submit.Run first = local.submit("retrain-1", "retrain", job);
        assertEquals(0, first.exitCode(), first.describe());
        assertEquals("1", local.hdfs().readText(registry + "/CHAMPION").trim(), first.describe());
        JsonNode decision1 = JSON.readTree(local.hdfs().readText(registry + "/versions/1/decision.json"));
        assertTrue(decision1.path("promoted").asBoolean(false), decision1.toString());
        assertEquals(1, decision1.path("challengerVersion").asInt(), decision1.toString());
        assertTrue(decision1.path("championVersion").isNull(), "no champion on the first run: " + decision1);
        assertEquals("f1Macro", decision1.path("metric").asText(), decision1.toString());
        assertTrue(local.hdfs().fileSystem().exists(new org.apache.hadoop.fs.Path(registry + "/versions/1/_SUCCESS")));

        Submit.Run second = local.submit("retrain-2", "retrain", job);
        assertEquals(0, second.exitCode(), second.describe());
        JsonNode decision2 = JSON.readTree(local.hdfs().readText(registry + "/versions/2/decision.json"));
        assertEquals(2, decision2.path("challengerVersion").asInt(), decision2.toString());
        assertEquals(1, decision2.path("championVersion").asInt(), decision2.toString());
        assertEquals(decision1.path("challengerScore").asDouble(), decision2.path("championScore").asDouble(), 1e-12,
                "the champion is scored on the same holdout rows as when it was the challenger: " + decision2);
        double gain = decision2.path("challengerScore").asDouble() - decision2.path("championScore").asDouble();
        boolean shouldPromote = gain >= 0.002 - 1e-9;
        assertEquals(shouldPromote, decision2.path("promoted").asBoolean(), decision2.toString());
        assertEquals(shouldPromote ? "2" : "1", local.hdfs().readText(registry + "/CHAMPION").trim(),
                decision2.toString());
        assertFalse(local.hdfs().fileSystem().exists(new org.apache.hadoop.fs.Path(registry + "/LOCK")),
                "the second run left its lock behind");
        System.out.printf("retrain: v1 %s promoted; v2 %s vs %s, promoted %s (%.1f s)%n",
                decision1.get("challengerScore"), decision2.get("challengerScore"), decision2.get("championScore"),
                decision2.get("promoted"), seconds());
    }

    /** The digits MLP job on HDFS data, with {@code extra} YAML appended (e.g. a registry section). */
    private static String trainJob(String extra) {
        return DigitsJob.train(digits, model, "", extra);
    }

    /** Data rows of a gzipped CSV with a header line, counted here, independently of Spark. */
    private static long csvGzRows(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(line -> !line.isBlank()).count();
        }
    }

    /** Rows of a Parquet directory on HDFS, summed from the files' footers (no data is read). */
    private static long parquetRows(String dir) throws IOException {
        long rows = 0;
        int files = 0;
        for (FileStatus status : local.hdfs().fileSystem().listStatus(new org.apache.hadoop.fs.Path(dir))) {
            if (status.getPath().getName().endsWith(".parquet")) {
                files++;
                try (ParquetFileReader reader = ParquetFileReader.open(
                        HadoopInputFile.fromPath(status.getPath(), local.hdfs().fileSystem().getConf()))) {
                    rows += reader.getRecordCount();
                }
            }
        }
        assertTrue(files > 0, "no .parquet files in " + dir);
        return rows;
    }

    private static double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
