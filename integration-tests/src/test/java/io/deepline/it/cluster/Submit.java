package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Submits the shaded jobs jar to a {@link StandaloneCluster} the way a user does: {@code SparkSubmit --master
 * spark://127.0.0.1:<port> --deploy-mode client --class io.deepline.jobs.Main <jar> <command> <job.yaml>}, in a
 * child JVM (the driver) with Spark's JDK 17 flags. Each application gets one executor per worker (1 core each,
 * {@code spark.cores.max} = workers) and waits for all of them before its first stage, and writes its event log
 * to {@code <runDir>/events}.
 */
public final class Submit {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /**
     * For the driver and the executors, which live for a minute here: the C1 compiler only, and a single-threaded
     * GC. On 2 cores shared by four JVMs, C2's background compiles and G1's threads took CPU from the job itself.
     */
    static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final StandaloneCluster cluster;
    private final Path jobsJar;
    private final Path log4jConfig;
    private final int executors;
    private final String executorMemory;

    public Submit(StandaloneCluster cluster, Path jobsJar, Path log4jConfig, int executors, String executorMemory) {
        if (!Files.isRegularFile(jobsJar)) {
            throw new IllegalStateException("no shaded jobs jar at " + jobsJar
                    + "; build it in the same reactor: mvn -o -B verify -pl models,pipelines,jobs,integration-tests");
        }
        this.cluster = cluster;
        this.jobsJar = jobsJar;
        this.log4jConfig = log4jConfig;
        this.executors = executors;
        this.executorMemory = executorMemory;
    }

    /**
     * Starts {@code deepline <command> <job>} with {@code extraConf} added as {@code --conf key=value}, and returns
     * at once, so that a scenario can act while the job runs (kill an executor or the driver).
     */
    public Running start(Path runDir, String command, Path job, Map<String, String> extraConf) throws IOException {
        Path events = Files.createDirectories(runDir.resolve("events"));
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(cluster.jvmOptions());
        java.addAll(SHORT_LIVED_JVM);
        java.addAll(List.of("-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=1G",
                "-Djava.io.tmpdir=" + Files.createDirectories(runDir.resolve("tmp")),
                "-Dlog4j2.configurationFile=" + log4jConfig,
                "-cp", cluster.home().classpath(), "org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--executor-memory", executorMemory,
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.cores.max=" + executors,
                // Both executors must be up before the first stage, or the first one takes every task.
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=120s",
                "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxbytes=1G "
                        + String.join(" ", SHORT_LIVED_JVM),
                "--conf", "spark.eventLog.enabled=true",
                "--conf", "spark.eventLog.dir=" + events.toUri(),
                // One plain JSON file per application, as EventLog reads it: Spark 4 rolls and compresses event
                // logs by default, Spark 3.5 does neither.
                "--conf", "spark.eventLog.rolling.enabled=false",
                "--conf", "spark.eventLog.compress=false",
                "--conf", "spark.ui.enabled=false",
                // One DataNode: files written with the default replication 3 would stay under-replicated.
                "--conf", "spark.hadoop.dfs.replication=1"));
        extraConf.forEach((key, value) -> java.addAll(List.of("--conf", key + "=" + value)));
        java.addAll(List.of("--class", "io.deepline.jobs.Main", jobsJar.toString(), command, job.toString()));
        ChildJvm driver = ChildJvm.start("driver " + command, java, cluster.home().environment(), runDir,
                runDir.resolve("driver.log"));
        return new Running(command, driver, events);
    }

    /** A submitted job whose driver may still be running. */
    public final class Running {
        private final String command;
        private final ChildJvm driver;
        private final Path events;

        private Running(String command, ChildJvm driver, Path events) {
            this.command = command;
            this.driver = driver;
            this.events = events;
        }

        /** The driver's output so far (stdout and stderr). */
        public String output() throws IOException {
            return Files.readString(driver.log());
        }

        /**
         * Polls every 20 ms until {@code condition} holds; fails, with the logs, if the driver exits first or the
         * time runs out.
         */
        public void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (!driver.process().isAlive()) {
                    throw new AssertionError("deepline " + command + " exited (" + driver.process().exitValue()
                            + ") before " + what + "\n" + driver.tail(80) + cluster.logTails(40));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " within " + timeout + "\n" + driver.tail(80)
                            + cluster.logTails(40));
                }
                Thread.sleep(20);
            }
        }

        /** Kills the driver JVM (SIGKILL, as an OOM killer or a lost node would) and what it started. */
        public Run killDriver() throws IOException, InterruptedException {
            boolean aliveWhenKilled = driver.process().isAlive();
            driver.kill();
            driver.close();
            if (!aliveWhenKilled) {
                throw new AssertionError("deepline " + command + " had already exited ("
                        + driver.process().exitValue() + ") when the test came to kill it\n" + driver.tail(80));
            }
            return finished();
        }

        /** Waits for the driver to exit by itself. */
        public Run await() throws Exception {
            try (driver) {
                if (!driver.waitFor(TIMEOUT)) {
                    throw new AssertionError("deepline " + command + " did not finish in " + TIMEOUT + "\n"
                            + driver.tail(80) + cluster.logTails(40));
                }
                return finished();
            }
        }

        private Run finished() throws IOException {
            return new Run(command, driver.process().exitValue(), output(), events,
                    driver.tail(80) + cluster.logTails(40));
        }
    }

    /** One finished submission: its exit code, the driver's output, its event log, and logs for diagnosis. */
    public record Run(String command, int exitCode, String driverOutput, Path eventLogDir, String logs) {

        /** For assertion messages: the driver's output tail and the master's, workers' and executors' logs. */
        public String describe() {
            return "deepline " + command + " exited " + exitCode + "\n" + logs;
        }
    }
}
