package io.deepline.jobs.train;

import io.deepline.jobs.config.DataFormat;
import io.deepline.jobs.config.DataSection;
import io.deepline.jobs.config.JobConfigException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the {@code data:} section's input through Spark's data sources, from any Hadoop path. */
public final class DataReader {

    /** See {@link #withDefaults}. */
    private static final Map<String, String> CSV_DEFAULTS = Map.of("mode", "FAILFAST", "columnPruning", "false");

    private DataReader() {
    }

    /**
     * Reads the data.
     *
     * @throws JobConfigException naming {@code data.path} if nothing exists at the path (or matches the glob), if
     *                            Spark would skip every file (hidden names), or if the data has no columns or no
     *                            rows; we check first because Spark's own errors for these do not name the cause.
     *                            A malformed CSV record fails the first action that reads it: wrap the first full
     *                            read in {@link MalformedRecords#reported}
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
        requireFiles(spark, location, keyPath);
        Dataset<Row> data = spark.read().format(format.sourceName()).options(withDefaults(format, options))
                .load(location);
        if (data.schema().isEmpty()) {
            throw new JobConfigException(keyPath, "'" + location + "' is empty: the data has no columns and no rows"
                    + (format == DataFormat.CSV ? " (not even a header line)" : ""),
                    "Point " + keyPath + " at a file that holds the data");
        }
        // One row is enough to tell; and a header-only CSV must not be reported as string columns.
        if (MalformedRecords.reported(spark, location, keyPath, data::isEmpty)) {
            throw new JobConfigException(keyPath, "'" + location + "' has no rows" + (format == DataFormat.CSV
                    ? " (only a header line, or blank lines)" : ""), "Point " + keyPath + " at a file with data rows");
        }
        return data;
    }

    /**
     * The source options, with CSV defaults that fail on a malformed record instead of mending it silently: Spark's
     * default (PERMISSIVE) drops a row's extra fields and fills missing ones with nulls. Column pruning is off so
     * that every read checks the whole record: with it on, a job that reads some columns parses only those, and a
     * row with extra fields passes. The job file's own options win.
     */
    static Map<String, String> withDefaults(DataFormat format, Map<String, String> options) {
        if (format != DataFormat.CSV) {
            return options;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        CSV_DEFAULTS.forEach((key, value) -> {
            // Spark reads option names case-insensitively, so 'Mode' in the job file replaces 'mode'.
            if (options.keySet().stream().noneMatch(key::equalsIgnoreCase)) {
                merged.put(key, value);
            }
        });
        merged.putAll(options);
        return merged;
    }

    private static void requireFiles(SparkSession spark, String location, String keyPath) {
        Path path = new Path(location);
        FileSystem fs;
        FileStatus[] matches;
        String qualified = location;
        try {
            fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            qualified = fs.makeQualified(path).toString();
            matches = fs.globStatus(path);
        } catch (IOException | IllegalArgumentException e) {
            throw cannotAccess(location, keyPath, e);
        }
        if (matches == null || matches.length == 0) {
            throw new JobConfigException(keyPath, "'" + location + "' does not exist (looked for " + qualified
                    + ")", "Check the path; a relative path is resolved against the current directory ("
                    + System.getProperty("user.dir") + ")");
        }
        try {
            HiddenFiles.requireVisible(fs, matches, location, keyPath);
        } catch (IOException e) {
            throw cannotAccess(location, keyPath, e);
        }
    }

    private static JobConfigException cannotAccess(String location, String keyPath, Exception e) {
        return new JobConfigException(keyPath, "cannot access '" + location + "': " + e.getMessage(),
                "Check the path, its scheme and its permissions", e);
    }
}
