package io.deepline.jobs.train;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.JobConfigException;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the {@code data:} section's input through Spark's data sources, from any Hadoop path. */
public final class DataReader {

    private DataReader() {
    }

    /**
     * Reads the data.
     *
     * @throws JobConfigException naming {@code data.path} if nothing exists at the path (or matches the glob); we
     *                            check first because Spark's own error for this is a long AnalysisException
     */
    public static Dataset<Row> read(SparkSession spark, DataSection data) {
        return read(spark, data.path(), data.format(), data.options(), "data.path");
    }

    /**
     * Reads {@code location} with a Spark data source.
     *
     * @param keyPath where the path is in the job file, for the error message (e.g. {@code predict.input.path})
     */
    public static Dataset<Row> read(SparkSession spark, String location, DataFormat format, Map<String, String> options,
                                    String keyPath) {
        requireExists(spark, location, keyPath);
        return spark.read().format(format.sourceName()).options(options).load(location);
    }

    private static void requireExists(SparkSession spark, String location, String keyPath) {
        Path path = new Path(location);
        FileStatus[] matches;
        String qualified = location;
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            qualified = fs.makeQualified(path).toString();
            matches = fs.globStatus(path);
        } catch (IOException | IllegalArgumentException e) {
            throw new JobConfigException(keyPath, "cannot access '" + location + "': " + e.getMessage(),
                    "Check the path, its scheme and its permissions", e);
        }
        if (matches == null || matches.length == 0) {
            throw new JobConfigException(keyPath, "'" + location + "' does not exist (looked for " + qualified
                    + ")", "Check the path; a relative path is resolved against the current directory ("
                    + System.getProperty("user.dir") + ")");
        }
    }
}
