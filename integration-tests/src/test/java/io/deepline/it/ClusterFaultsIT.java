package io.deepline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.it.cluster.EventLog;
import io.deepline.it.cluster.ExecutorLog;
import io.deepline.it.cluster.FakeGpus;
import io.deepline.it.cluster.LocalCluster;
import io.deepline.it.cluster.ModuleClock;
import io.deepline.it.cluster.Submit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on the cluster of {@link ClusterJobsIT} (a master and two 1-core workers, HDFS): an executor killed during
 * training, the driver killed after its first checkpoint and the job rerun, a truncated model on HDFS, and GPU
 * scheduling with fake GPUs (each worker's discovery script offers its own addresses).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Worker 1 offers GPU "0", worker 2 GPUs "1" and "2", of which its executor is given one. */
    private static final FakeGpus GPUS = FakeGpus.perWorker(List.of(List.of("0"), List.of("1", "2")));
    private static final double NORMAL_ACCURACY = 0.93;
    private static final Duration TRAINING_STARTS = Duration.ofMinutes(3);
    /** The driver's WARN when a collective epoch's stage failed and the epoch is run again. */
    private static final Pattern RERUN = Pattern.compile("epoch \\d+ failed in collective mode \\(.*\\); rerunning it"
            + " from its start, retry 1 of \\d+");
    private static final String COLLECTIVE_EXCEPTION = "io.deepline.pipelines.core.collective.CollectiveException";

    private static long startNanos;
    private static LocalCluster local;
    private static String digits;
    private static String iris;
    /** The model the GPU scenario trains, which the corrupt-model scenario copies. */
    private static String irisModel;

    @BeforeAll
    static void startClusterAndHdfs() throws Exception {
        startNanos = System.nanoTime();
        local = LocalCluster.start(GPUS);
        digits = local.hdfs().upload(local.root().resolve("data-samples/digits8x8.csv.gz"),
                "/data/digits8x8.csv.gz");
        iris = local.hdfs().upload(local.root().resolve("data-samples/iris.csv"), "/data/iris.csv");
        System.out.printf("cluster (with fake GPUs) and HDFS up in %.1f s%n", seconds());
    }

    @AfterAll
    static void stopEverything() {
        if (local != null) {
            local.close();
            assertFalse(local.anyProcessAlive(), "a master, worker or executor outlived the cluster's stop");
        }
        System.out.printf("ClusterFaultsIT: %.1f s in all; the module so far %.1f s%n", seconds(),
                ModuleClock.seconds());
        assertTrue(ModuleClock.seconds() <= ModuleClock.BUDGET_SECONDS, "the integration tests have taken "
                + ModuleClock.seconds() + " s so far; the module's budget is " + ModuleClock.BUDGET_SECONDS + " s");
    }

    /**
     * Worker 2's executor is killed (SIGKILL) while it runs a training task. With two workers on two executors the
     * fit trains in collective mode, one barrier stage per epoch, so the kill fails that epoch's stage as a whole;
     * the driver reruns the epoch from its start (once the worker has started a replacement executor and the lost
     * cached batches are recomputed from lineage), and the job finishes with normal accuracy.
     */
    @Test
    @Order(1)
    void trainingSurvivesTheLossOfAnExecutor() throws Exception {
        String model = local.hdfs().uri("/models/digits-executor-kill");
        // Wider layers and one round per epoch, so that a task trains long enough to be killed mid-way.
        String job = DigitsJob.train(digits, model, "{hiddenLayers: [256, 256], activation: relu, maxEpochs: 10,"
                + " batchSize: 32, updater: adam, learningRate: 0.002, numWorkers: 2, averagingFrequency: 25,"
                + " seed: 42}");
        Submit.Running running = local.start("executor-kill", "train", job, Map.of());
        running.awaitCondition("a finished first epoch", TRAINING_STARTS,
                () -> outputOf(running).contains("epoch 1/10"));
        ProcessHandle victim = local.cluster().executorsOf(2).stream().findFirst()
                .orElseThrow(() -> new AssertionError("worker 2 runs no executor"));
        ExecutorLog victimLog = ExecutorLog.of(local.cluster().workerDir(2), victim);
        running.awaitCondition("a task running on worker 2's executor", Duration.ofMinutes(1),
                victimLog::hasRunningTask);
        victim.destroyForcibly();
        victim.onExit().get();
        Submit.Run run = running.await();

        assertEquals(0, run.exitCode(), run.describe());
        double accuracy = accuracy(model);
        assertTrue(accuracy >= NORMAL_ACCURACY, "accuracy " + accuracy + "\n" + run.describe());
        assertTrue(run.driverOutput().contains("syncMode auto chose collective"),
                "the fit did not train in collective mode\n" + run.describe());
        Matcher rerun = RERUN.matcher(run.driverOutput());
        assertTrue(rerun.find(), "no collective epoch was rerun after the kill\n" + run.describe());
        assertFalse(run.driverOutput().contains("training the rest of the fit in jobs mode"),
                "one lost executor used up the epoch's retries\n" + run.describe());
        EventLog events = EventLog.read(run.eventLogDir());
        assertTrue(events.removedExecutors().containsKey(victimLog.executorId()),
                "Spark never saw executor " + victimLog.executorId() + " go: " + events.removedExecutors());
        // The killed epoch's barrier stage failed, and every one of the 10 epochs has exactly one stage that succeeded
        // on the two executors (the rerun's on the replacement).
        List<EventLog.StageAttempt> barrier = events.barrierStageAttempts();
        List<EventLog.StageAttempt> succeeded = barrier.stream().filter(EventLog.StageAttempt::succeeded).toList();
        assertTrue(barrier.size() > succeeded.size(), "no barrier stage failed: " + barrier);
        assertEquals(10, succeeded.size(), "succeeded barrier stages " + succeeded);
        for (EventLog.StageAttempt stage : succeeded) {
            assertEquals(2, stage.executors().size(), "a barrier stage's tasks ran on " + stage);
        }
        Map<String, Integer> failures = events.failedTasksPerReason();
        assertTrue(failures.getOrDefault("ExecutorLostFailure", 0) >= 1,
                "no task failed with the executor: " + failures + "\n" + run.describe());
        // Besides the victim's task (ExecutorLostFailure), the failures the kill explains:
        // - TaskKilled: when one task of a barrier stage fails, Spark kills the stage's other tasks (the peer, reason
        //   "Task ... from barrier stage ... failed");
        // - ExceptionFailure of a CollectiveException: the peer's allreduce saw the dead rank's connection close
        //   before Spark killed it (the message names that rank and host);
        // - FetchFailed: a task that recomputes a lost cached partition may read the lost executor's shuffle files
        //   (the repartition that feeds the batches); Spark reruns that map stage.
        // Any other failure fails the test.
        for (String failure : events.failedTaskDetails()) {
            assertTrue(failure.startsWith("ExecutorLostFailure") || failure.startsWith("TaskKilled")
                            || failure.startsWith("ExceptionFailure: " + COLLECTIVE_EXCEPTION)
                            || failure.startsWith("FetchFailed"),
                    "a task failed for a reason the kill does not explain: " + failure + "\n" + run.describe());
        }
        for (String fetch : events.fetchFailures()) {
            assertTrue(fetch.equals("executor " + victimLog.executorId())
                            || fetch.contains("MetadataFetchFailedException: Missing an output location"),
                    "a fetch failed for another reason than the lost executor's shuffle files: " + fetch);
        }
        System.out.printf("executor kill: executor %s lost (%s); failed tasks %s; barrier stage attempts %d, of"
                + " which failed %d; \"%s\"; accuracy %.4f (%.1f s)%n", victimLog.executorId(),
                events.removedExecutors().get(victimLog.executorId()), failures, barrier.size(),
                barrier.size() - succeeded.size(), rerun.group(), accuracy, seconds());
    }

    /**
     * The driver (the spark-submit JVM) is killed once the first checkpoint is on HDFS; the same command run again
     * resumes from the latest checkpoint rather than from epoch 0, and finishes with normal accuracy.
     */
    @Test
    @Order(2)
    void aKilledDriverIsResumedFromItsHdfsCheckpoint() throws Exception {
        String model = local.hdfs().uri("/models/digits-driver-kill");
        String checkpoints = local.hdfs().uri("/checkpoints/digits");
        String job = DigitsJob.train(digits, model, ", checkpointDir: \"" + checkpoints + "\", checkpointInterval: 1",
                "");
        Submit.Running first = local.start("driver-kill-1", "train", job, Map.of());
        Path firstCheckpoint = new Path(checkpoints + "/epoch-00001.ckpt");
        first.awaitCondition("the first checkpoint at " + firstCheckpoint, TRAINING_STARTS,
                () -> exists(firstCheckpoint));
        Submit.Run killed = first.killDriver();
        assertNotEquals(0, killed.exitCode(), killed.describe());
        assertFalse(local.hdfs().fileSystem().exists(new Path(model)), "the killed run got to save its model");

        Submit.Run rerun = local.submit("driver-kill-2", "train", job);

        assertEquals(0, rerun.exitCode(), rerun.describe());
        Matcher resumed = Pattern.compile("resuming from epoch (\\d+) of 10").matcher(rerun.driverOutput());
        assertTrue(resumed.find(), "the rerun did not resume from a checkpoint\n" + rerun.describe());
        int epoch = Integer.parseInt(resumed.group(1));
        assertTrue(epoch > 0 && epoch < 10, "resumed from epoch " + epoch);
        double accuracy = accuracy(model);
        assertTrue(accuracy >= NORMAL_ACCURACY, "accuracy " + accuracy + "\n" + rerun.describe());
        System.out.printf("driver kill: killed (exit %d) after epoch-00001.ckpt; the rerun resumed from epoch %d;"
                + " accuracy %.4f (%.1f s)%n", killed.exitCode(), epoch, accuracy, seconds());
    }

    /**
     * With {@code spark.task.resource.gpu.amount=1} each training task holds one GPU address, and Deepline binds
     * the task's thread to it: each task's binding line, in its executor's log, names the address the scheduler gave
     * that executor (on the CPU backend binding is a no-op, but the assignment is read and logged the same way).
     */
    @Test
    @Order(3)
    void eachTaskIsBoundToTheGpuItsExecutorWasAssigned() throws Exception {
        irisModel = local.hdfs().uri("/models/iris-gpu");
        Submit.Run run = local.submit("gpu", "train", irisJob(irisModel), Map.of(
                "spark.executor.resource.gpu.amount", "1", "spark.task.resource.gpu.amount", "1"));

        assertEquals(0, run.exitCode(), run.describe());
        EventLog events = EventLog.read(run.eventLogDir());
        Map<String, List<String>> gpus = events.resourceAddresses("gpu");
        assertEquals(2, gpus.size(), "executors and their GPUs: " + gpus);
        Map<Long, String> executorOfTask = events.executorOfSucceededTask();
        int bound = 0;
        for (Map.Entry<String, List<String>> executor : gpus.entrySet()) {
            assertEquals(1, executor.getValue().size(), "executor " + executor.getKey() + " got " + executor.getValue());
            String address = executor.getValue().get(0);
            int worker = address.equals("0") ? 1 : 2;
            assertTrue(GPUS.addressesOf(worker).contains(address), address + " is not worker " + worker + "'s");
            Map<Long, String> bindings = ExecutorLog.of(local.cluster().workerDir(worker), events.applicationId(),
                    executor.getKey()).gpuBindings();
            assertFalse(bindings.isEmpty(), "executor " + executor.getKey() + " logged no GPU binding\n"
                    + run.describe());
            for (Map.Entry<Long, String> task : bindings.entrySet()) {
                assertEquals(executor.getKey(), executorOfTask.get(task.getKey()), "task " + task.getKey());
                assertEquals(address, task.getValue(), "task " + task.getKey() + " on executor " + executor.getKey()
                        + " (GPU " + address + ") was bound to GPU " + task.getValue());
            }
            bound += bindings.size();
        }
        // Every epoch runs at least one task per worker (one in collective mode, one per round in jobs mode).
        assertTrue(bound >= 2 * 5, bound + " tasks were bound; 5 epochs on 2 workers run at least 10");
        System.out.printf("gpu: executors' GPUs %s; %d tasks each bound to its executor's GPU (%.1f s)%n", gpus, bound,
                seconds());
    }

    /**
     * A model on HDFS whose network.zip was cut short: predict fails naming that file, and creates no output.
     */
    @Test
    @Order(4)
    void predictWithATruncatedNetworkNamesItAndWritesNothing() throws Exception {
        assertTrue(irisModel != null && exists(new Path(irisModel)), "the GPU scenario's model is needed");
        FileSystem fs = local.hdfs().fileSystem();
        Path corrupt = new Path(local.hdfs().uri("/models/iris-corrupt"));
        FileUtil.copy(fs, new Path(irisModel), fs, corrupt, false, fs.getConf());
        Path zip = networkZip(fs, corrupt);
        byte[] bytes;
        try (var in = fs.open(zip)) {
            bytes = in.readAllBytes();
        }
        try (FSDataOutputStream out = fs.create(zip, true)) {
            out.write(bytes, 0, bytes.length / 3);
        }
        String output = local.hdfs().uri("/predictions/iris-corrupt");

        Submit.Run run = local.submit("corrupt-model", "predict", """
                name: cluster-corrupt-model
                predict:
                  model: %s
                  input: {path: %s, format: csv, options: {header: "true", inferSchema: "true"}}
                  output: {path: %s, format: parquet}
                """.formatted(corrupt, iris, output));

        assertEquals(1, run.exitCode(), run.describe());
        String zipPath = zip.toUri().getPath();
        assertTrue(run.driverOutput().contains(zipPath), "the error does not name " + zipPath + "\n"
                + run.driverOutput());
        assertFalse(run.driverOutput().contains("NullPointerException"), run.driverOutput());
        assertFalse(fs.exists(new Path(output)), output + " was created");
        System.out.printf("corrupt model: exit %d naming %s; no output (%.1f s)%n", run.exitCode(), zipPath,
                seconds());
    }

    private static String irisJob(String model) {
        return """
                name: cluster-iris
                data:
                  path: %s
                  format: csv
                  options: {header: "true", inferSchema: "true"}
                  label: label
                split: {train: 0.8, test: 0.2, seed: 42}
                preprocess: {standardize: true}
                model:
                  type: DeepClassifier
                  params: {hiddenLayers: [16], maxEpochs: 5, batchSize: 16, updater: adam, learningRate: 0.01,
                           numWorkers: 2, averagingFrequency: 2, seed: 42}
                output: {model: %s}
                """.formatted(iris, model);
    }

    private static Path networkZip(FileSystem fs, Path model) throws IOException {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(model, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().equals("network.zip")) {
                return file;
            }
        }
        throw new AssertionError("no network.zip under " + model);
    }

    private static double accuracy(String model) throws IOException {
        JsonNode metrics = JSON.readTree(local.hdfs().readText(model + "/metrics.json"));
        return metrics.path("accuracy").asDouble(Double.NaN);
    }

    private static boolean exists(Path path) {
        try {
            return local.hdfs().fileSystem().exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String outputOf(Submit.Running running) {
        try {
            return running.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
