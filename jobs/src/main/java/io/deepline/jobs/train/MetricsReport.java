package io.deepline.jobs.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes a job's metrics JSON through Hadoop {@code FileSystem}, so {@code hdfs://} outputs work. */
public final class MetricsReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsReport() {
    }

    /** {@link TrainOutcome#toMetricsJson()} as JSON text, as the file holds it. */
    public static String toJson(TrainOutcome outcome) {
        return toJson(outcome.toMetricsJson());
    }

    /** Any metrics map as the indented JSON text the metrics files hold. */
    public static String toJson(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode metrics " + json.keySet() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@link TrainOutcome#toMetricsJson()} to {@link TrainOutcome#metricsPath()}, replacing any old file. */
    public static void write(TrainOutcome outcome, Configuration hadoopConf) {
        write(outcome.toMetricsJson(), outcome.metricsPath(), hadoopConf);
    }

    /** Writes {@code json} to {@code location}, any Hadoop path, replacing any old file. */
    public static void write(Map<String, Object> json, String location, Configuration hadoopConf) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoopConf);
            try (OutputStream out = fs.create(path, true)) {
                JSON.writeValue(out, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + path + ": " + e.getMessage(), e);
        }
    }
}
