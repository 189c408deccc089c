package io.deepline.it.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a cluster scenario needs, started once: the assembled SPARK_HOME, a standalone cluster of two
 * 1-core workers, HDFS, and a {@link Submit} for the shaded jobs jar. Paths come from failsafe's system properties
 * ({@code deepline.root}, {@code deepline.jobs.jar}, {@code deepline.spark.runtime.classpath}); everything it writes is
 * under {@code integration-tests/target/cluster/}.
 */
public final class LocalCluster implements AutoCloseable {

    public static final int WORKERS = 2;
    /** Per worker: room for one executor of {@link #EXECUTOR_MEMORY} heap. */
    private static final String WORKER_MEMORY = "2g";
    /** Heap per executor; ND4J's off-heap memory is capped separately at 1 GB (javacpp maxbytes). */
    private static final String EXECUTOR_MEMORY = "1g";

    private final Path root;
    private final Path workDir;
    private final StandaloneCluster cluster;
    private final MiniHdfs hdfs;
    private final Submit submit;

    private LocalCluster(Path root, Path workDir, StandaloneCluster cluster, MiniHdfs hdfs, Submit submit) {
        this.root = root;
        this.workDir = workDir;
        this.cluster = cluster;
        this.hdfs = hdfs;
        this.submit = submit;
    }

    public static LocalCluster start() throws Exception {
        return start(FakeGpus.none());
    }

    /** As {@link #start()}, with {@code gpus} offered by the workers. */
    public static LocalCluster start(FakeGpus gpus) throws Exception {
        Path root = Path.of(requireProperty("deepline.root")).toRealPath();
        Path base = root.resolve("integration-tests/target/cluster");
        // Each run's worker dirs hold a copy of the shaded jar per executor and application (about 1.5 GB in
        // all): earlier test runs' are deleted, so target/ holds the logs of the last run only.
        deleteEarlierRuns(base);
        Path workDir = Files.createDirectories(base.resolve("run-" + System.currentTimeMillis()));
        SparkHome home = SparkHome.assemble(Path.of(requireProperty("deepline.spark.runtime.classpath")),
                base.resolve("spark-home"));
        MiniHdfs hdfs = MiniHdfs.start(workDir.resolve("hdfs"));
        try {
            StandaloneCluster cluster = StandaloneCluster.start(home, workDir.resolve("spark"), jvm17Options(root),
                    WORKERS, WORKER_MEMORY, gpus);
            Submit submit = new Submit(cluster, Path.of(requireProperty("deepline.jobs.jar")),
                    root.resolve("conf/log4j2.properties"), WORKERS, EXECUTOR_MEMORY);
            return new LocalCluster(root, workDir, cluster, hdfs, submit);
        } catch (Exception | Error e) {
            hdfs.close();
            throw e;
        }
    }

    /** The repository root (for data-samples). */
    public Path root() {
        return root;
    }

    public MiniHdfs hdfs() {
        return hdfs;
    }

    public StandaloneCluster cluster() {
        return cluster;
    }

    /** Writes {@code yaml} into a fresh run directory and submits {@code deepline <command>} with it. */
    public Submit.Run submit(String name, String command, String yaml) throws Exception {
        return submit(name, command, yaml, Map.of());
    }

    /** As {@link #submit(String, String, String)}, with {@code extraConf} as {@code --conf key=value}. */
    public Submit.Run submit(String name, String command, String yaml, Map<String, String> extraConf)
            throws Exception {
        return start(name, command, yaml, extraConf).await();
    }

    /**
     * Writes {@code yaml} into a fresh run directory and starts {@code deepline <command>} with it and with
     * {@code extraConf}, returning while it runs.
     */
    public Submit.Running start(String name, String command, String yaml, Map<String, String> extraConf)
            throws IOException {
        Path runDir = Files.createDirectories(workDir.resolve(name));
        Path job = Files.writeString(runDir.resolve("job.yaml"), yaml);
        return submit.start(runDir, command, job, extraConf);
    }

    /** True while any child process of the cluster (master, workers, executors) is still running. */
    public boolean anyProcessAlive() {
        return cluster.anyProcessAlive();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            hdfs.close();
        }
    }

    /** Deletes the run directories that earlier test JVMs left; this JVM's (one per IT class) stay. */
    private static void deleteEarlierRuns(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        long thisJvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<Path> earlier;
        try (Stream<Path> dirs = Files.list(base)) {
            earlier = dirs.filter(d -> d.getFileName().toString().startsWith("run-"))
                    .filter(d -> runMillis(d) < thisJvmStarted).toList();
        }
        for (Path run : earlier) {
            try (Stream<Path> files = Files.walk(run)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static long runMillis(Path run) {
        try {
            return Long.parseLong(run.getFileName().toString().substring("run-".length()));
        } catch (NumberFormatException notOurs) {
            return Long.MAX_VALUE; // not a run directory of ours; left alone
        }
    }

    /** Spark's JDK 17 flags, as bin/deepline reads them: one or more lines, '#' starts a comment. */
    private static List<String> jvm17Options(Path root) throws IOException {
        return Files.readAllLines(root.resolve("conf/jvm17.opts")).stream()
                .map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
    }

    private static String requireProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set; run the ITs through failsafe"
                    + " (mvn -pl integration-tests -am verify), whose POM sets it");
        }
        return value;
    }
}
