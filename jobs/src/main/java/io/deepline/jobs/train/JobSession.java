package io.deepline.jobs.train;

import io.deepline.jobs.config.SparkSection;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * The SparkSession a job runs in, and whether the job owns it (and so stops it when done).
 *
 * <p>Which master: under spark-submit (or whenever {@code spark.master} is already set as a system property) that
 * master wins, so one job file serves both a laptop and a cluster; otherwise the job file's {@code spark.master},
 * else embedded {@code local[*]}. A session that is already running (a test's, a notebook's) is reused as it is.
 */
public final class JobSession implements AutoCloseable {

    /** The master used when neither spark-submit nor the job file names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final Logger LOG = LoggerFactory.getLogger(JobSession.class);

    private final SparkSession spark;
    private final boolean owned;

    private JobSession(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** Reuses the running session, or builds one for {@code section}. */
    public static JobSession open(String appName, SparkSection section) {
        BackendWarmUp.start(); // beside Spark's start, on the core that start leaves idle
        Option<SparkSession> running = SparkSession.getActiveSession();
        if (running.isEmpty()) {
            running = SparkSession.getDefaultSession();
        }
        if (running.isDefined()) {
            LOG.info("Using the running SparkSession (master {}); the job file's spark section is not applied",
                    running.get().sparkContext().master());
            return new JobSession(running.get(), false);
        }
        boolean submitted = new SparkConf().contains("spark.master");
        String master = masterToSet(submitted, section.master());
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master == null) {
            if (section.master() != null) {
                LOG.warn("spark.master is set by the launcher; ignoring spark.master '{}' of the job file",
                        section.master());
            }
        } else {
            builder.master(master);
            if (master.startsWith("local")) {
                // Embedded runs need no web UI (it only costs a port); the job file's spark.conf may re-enable it.
                builder.config("spark.ui.enabled", "false");
            }
        }
        section.conf().forEach(builder::config);
        return new JobSession(builder.getOrCreate(), true);
    }

    /**
     * The master the job should set: {@code null} when the launcher already set one (it wins), else the job file's,
     * else {@link #DEFAULT_MASTER}.
     */
    static String masterToSet(boolean launcherSetMaster, String configured) {
        if (launcherSetMaster) {
            return null;
        }
        return Objects.requireNonNullElse(configured, DEFAULT_MASTER);
    }

    public SparkSession spark() {
        return spark;
    }

    /** Stops the session if this job built it; a reused session keeps running for its owner. */
    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
