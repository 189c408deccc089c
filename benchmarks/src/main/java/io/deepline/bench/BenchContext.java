package io.deepline.bench;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What every benchmark shares: the mode ({@code --quick}), the number of runs per figure, the repository root (for
 * data-samples), the MNIST sample, and one embedded {@code local[2]} Spark session, started before any timing so
 * that no figure includes Spark's start.
 */
public final class BenchContext implements AutoCloseable {

    /** Workers, Spark task slots and DL4J threads: the issue compares on 2 cores. */
    public static final int CORES = 2;

    private final boolean quick;
    private final int runs;
    private final Path root;
    private SparkSession spark;
    private MnistData mnist;

    public BenchContext(boolean quick, int runs, Path root) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
        this.quick = quick;
        this.runs = runs;
        this.root = root;
    }

    public boolean quick() {
        return quick;
    }

    /** Repetitions per figure (≥ 3 in a full run). */
    public int runs() {
        return runs;
    }

    public Path root() {
        return root;
    }

    /** The embedded local[2] session, started on first use. */
    public synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().appName("deepline-bench").master("local[" + CORES + "]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(CORES))
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /**
     * Waits (untimed, up to 60 s) until Spark's status tracker shows no running task, so that no fit starts while
     * an earlier action's tasks still hold a slot (a collective fit needs both). A guard only: the refusals first seen
     * here ("only 0 task slots are free" on an idle local[2]) came from SyncModeChoice reading this lagging tracker,
     * which it no longer does.
     */
    public void awaitNoRunningTasks() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int running;
        boolean waited = false;
        while ((running = runningTasks()) > 0 && System.nanoTime() < deadline) {
            if (!waited) {
                System.err.println("  (Spark's status tracker shows " + running + " running tasks; waiting)");
                waited = true;
            }
            Thread.sleep(200);
        }
        if (waited) {
            System.err.println("  (running tasks now " + running + ")");
        }
    }

    private int runningTasks() {
        int running = 0;
        for (org.apache.spark.SparkExecutorInfo e : spark().sparkContext().statusTracker().getExecutorInfos()) {
            running += e.numRunningTasks();
        }
        return running;
    }

    /** data-samples/mnist10k.csv.gz, read once: 8,000 training and 2,000 test rows. */
    public synchronized MnistData mnist() throws java.io.IOException {
        if (mnist == null) {
            mnist = MnistData.read(root.resolve("data-samples/mnist10k.csv.gz"));
        }
        return mnist;
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
        }
    }
}
