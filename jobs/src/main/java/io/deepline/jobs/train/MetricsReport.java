package io.deepline.jobs.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes a train job's metrics JSON through Hadoop {@code FileSystem}, so {@code hdfs://} outputs work. */
public final class MetricsReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsReport() {
    }

    /** {@link TrainOutcome#toMetricsJson()} as JSON text, as the file holds it. */
    public static String toJson(TrainOutcome outcome) {
        try {
            return JSON.writeValueAsString(outcome.toMetricsJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the metrics of " + outcome.name() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@link TrainOutcome#toMetricsJson()} to {@link TrainOutcome#metricsPath()}, replacing any old file. */
    public static void write(TrainOutcome outcome, Configuration hadoopConf) {
        Path path = new Path(outcome.metricsPath());
        try {
            FileSystem fs = path.getFileSystem(hadoopConf);
            try (OutputStream out = fs.create(path, true)) {
                JSON.writeValue(out, outcome.toMetricsJson());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + path + ": " + e.getMessage(), e);
        }
    }
}
