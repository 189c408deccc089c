package io.deepline.pipelines.core.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Where a model came from: versions, data size and class balance, workers, seed and timing. Saved as
 * {@code data/provenance.json}; a retraining job reads it to compare models.
 */
public record Provenance(String deeplineVersion, String dl4jVersion, String sparkVersion, String javaVersion,
                         String trainedAt, double trainSeconds, long trainRows, Map<Integer, Long> classCounts,
                         int numWorkers, long seed) implements Serializable {

    public Provenance {
        classCounts = classCounts == null ? Map.of() : new TreeMap<>(classCounts);
    }

    public static Provenance of(SparkSession spark, long rows, Map<Integer, Long> classCounts, int workers, long seed,
                                Instant started) {
        Properties versions = versions();
        Instant now = Instant.now();
        return new Provenance(versions.getProperty("deepline.version", "unknown"),
                versions.getProperty("dl4j.version", "unknown"), spark.version(), System.getProperty("java.version"),
                now.toString(), Duration.between(started, now).toMillis() / 1000.0, rows, classCounts, workers, seed);
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/io/deepline/pipelines/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
