package io.deepline.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits the shaded jobs jar to a {@link StandaloneCluster} the way a user does: {@code SparkSubmit --master
 * spark://127.0.0.1:<port> --deploy-mode client --class io.deepline.jobs.Main <jar> <command> <job.yaml>}, in a
 * child JVM (the driver) with Spark's JDK 17 flags. Each application gets one executor per worker (1 core each,
 * {@code spark.cores.max} = workers) and waits for all of them before its first stage, and writes its event log
 * to {@code <runDir>/events}.
 */
public final class Submit {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

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

    /** Runs {@code deepline <command> <job>} on the cluster from {@code runDir} and waits for the driver. */
    public Run run(Path runDir, String command, Path job) throws Exception {
        Path events = Files.createDirectories(runDir.resolve("events"));
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(cluster.jvmOptions());
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
                "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxbytes=1G",
                "--conf", "spark.eventLog.enabled=true",
                "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.ui.enabled=false",
                // One DataNode: files written with the default replication 3 would stay under-replicated.
                "--conf", "spark.hadoop.dfs.replication=1",
                "--class", "io.deepline.jobs.Main", jobsJar.toString(), command, job.toString()));
        Path driverLog = runDir.resolve("driver.log");
        try (ChildJvm driver = ChildJvm.start("driver " + command, java, cluster.home().environment(), runDir,
                driverLog)) {
            if (!driver.waitFor(TIMEOUT)) {
                throw new AssertionError("deepline " + command + " did not finish in " + TIMEOUT + "\n"
                        + driver.tail(80) + cluster.logTails(40));
            }
            return new Run(command, driver.process().exitValue(), Files.readString(driverLog), events,
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
