package io.deepline.jobs.config;

import io.deepline.jobs.registry.MetricDirection;
import io.deepline.jobs.registry.RegistryName;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The {@code registry:} section, read by the {@code retrain} command: where versions of the model are kept and
 * when a new one replaces the champion.
 *
 * <pre>
 * registry:
 *   path: hdfs:///models/registry   # required; any Hadoop path
 *   name: digits-mlp                # default: the job's name; letters, digits, '.', '_', '-'
 *   keep: 5                         # newest versions kept (the champion always is); >= 1
 *   metric: f1Macro                 # default: f1Macro, or rmse for a regressor
 *   minImprovement: 0.0             # how much the challenger must beat the champion by; >= 0
 *   lockExpiryMinutes: 240          # after this a dead run's lock is taken over; >= 1
 * </pre>
 *
 * @param path              the registry directory
 * @param name              the model's directory in it; null only until {@link JobConfig} fills in the job's name
 * @param keep              how many of the newest versions to keep
 * @param metric            the metric that decides promotion; null = the model kind's default
 * @param minImprovement    the required improvement on the champion's metric
 * @param lockExpiryMinutes how long the lock holds without its owner
 */
public record RegistrySection(String path, String name, Integer keep, String metric, Double minImprovement,
                              Integer lockExpiryMinutes) {

    public RegistrySection {
        path = Checks.requiredText("path", path, "path: hdfs:///models/registry");
        try {
            new Path(path);
        } catch (IllegalArgumentException e) {
            throw new JobConfigException("path", "'" + path + "' is not a valid Hadoop path: " + e.getMessage(),
                    "Use a directory such as target/registry or hdfs:///models/registry");
        }
        if (name != null) {
            name = name.trim();
            Optional<String> problem = RegistryName.problemWith(name);
            if (problem.isPresent()) {
                throw new JobConfigException("name", "'" + name + "' " + problem.get(), RegistryName.FIX);
            }
        }
        keep = keep == null ? 5 : keep;
        if (keep < 1) {
            throw new JobConfigException("keep", "must be at least 1, got " + keep,
                    "Keep the newest versions, e.g. keep: 5 (the champion is never deleted)");
        }
        metric = Checks.optionalText("metric", metric, "metric: f1Macro");
        if (metric != null) {
            try {
                MetricDirection.of(metric);
            } catch (IllegalArgumentException e) {
                throw new JobConfigException("metric", "'" + metric + "' is not a metric whose direction is known",
                        "Use one of: " + MetricDirection.KNOWN);
            }
        }
        minImprovement = minImprovement == null ? 0.0 : minImprovement;
        if (!(minImprovement >= 0.0) || minImprovement.isInfinite()) {
            throw new JobConfigException("minImprovement", "must be a finite number >= 0, got " + minImprovement,
                    "Use e.g. minImprovement: 0.01, or 0 to promote any challenger at least as good");
        }
        lockExpiryMinutes = lockExpiryMinutes == null ? 240 : lockExpiryMinutes;
        if (lockExpiryMinutes < 1) {
            throw new JobConfigException("lockExpiryMinutes", "must be at least 1, got " + lockExpiryMinutes,
                    "Use more minutes than a retrain takes, e.g. lockExpiryMinutes: 240");
        }
    }

    /**
     * This section with {@code name} defaulted to the job's name.
     *
     * @throws JobConfigException (key {@code name}) when the job's name is not a valid registry name
     */
    RegistrySection namedAfter(String jobName) {
        if (name != null) {
            return this;
        }
        Optional<String> problem = RegistryName.problemWith(jobName);
        if (problem.isPresent()) {
            throw new JobConfigException("name", "is not set, and the job's name '" + jobName + "' cannot be one: it "
                    + problem.get(), "Set registry.name. " + RegistryName.FIX);
        }
        return new RegistrySection(path, jobName, keep, metric, minImprovement, lockExpiryMinutes);
    }

    /** The validated name; set once the section came from a {@link JobConfig}. */
    public RegistryName registryName() {
        if (name == null) {
            throw new IllegalStateException("registry.name is not set yet; read the section from a JobConfig,"
                    + " which defaults it to the job's name");
        }
        return new RegistryName(name);
    }

    public Duration lockExpiry() {
        return Duration.ofMinutes(lockExpiryMinutes);
    }
}
