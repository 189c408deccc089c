package io.deepline.jobs.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.tools.report.ReportPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What is at an output path. Only the kinds Deepline writes itself may ever be replaced; recognising them by their
 * content (not their name) is what keeps a mistyped path from deleting a user's folder.
 */
public enum OutputKind {
    ABSENT("nothing"),
    EMPTY_FOLDER("an empty folder"),
    /** A saved Spark {@code PipelineModel}: {@code metadata/part-*} naming that class, and {@code stages/}. */
    MODEL("a saved Deepline model"),
    /** A metrics JSON as {@code train} and {@code evaluate} write it: an object naming the job and its model. */
    METRICS("a Deepline metrics file"),
    /** A report folder: an {@code index.html} written by {@link ReportPage}. */
    REPORT("a Deepline report folder"),
    /** Rows Spark wrote as a data set: {@code _SUCCESS} and {@code part-} files only. */
    SPARK_OUTPUT("a data set Spark wrote"),
    OTHER_FILE("a file that Deepline did not write"),
    OTHER_FOLDER("a folder of files that Deepline did not write");

    private static final String PIPELINE_MODEL_CLASS = "org.apache.spark.ml.PipelineModel";
    /** Larger files are none of ours: metrics files and model metadata are a few kilobytes. */
    private static final long MAX_RECOGNISED_BYTES = 64L << 20;
    private static final int NAMES_SHOWN = 3;

    private final String description;

    OutputKind(String description) {
        this.description = description;
    }

    /** The kind in words, e.g. "a saved Deepline model". */
    public String description() {
        return description;
    }

    /** What is at {@code location}, any Hadoop path. */
    public static OutputKind of(String location, Configuration hadoopConf) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(hadoopConf);
            if (!fs.exists(path)) {
                return ABSENT;
            }
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                return isMetrics(fs, status) ? METRICS : OTHER_FILE;
            }
            FileStatus[] entries = fs.listStatus(path);
            if (entries.length == 0) {
                return EMPTY_FOLDER;
            }
            if (isModel(fs, path)) {
                return MODEL;
            }
            if (isReport(fs, path)) {
                return REPORT;
            }
            return isSparkOutput(entries) ? SPARK_OUTPUT : OTHER_FOLDER;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check what is at " + location + ": " + e.getMessage(), e);
        }
    }

    /** A few of the names directly inside {@code location}, for a message: "a.csv, b.csv, ... (12 entries)". */
    public static String someNames(String location, Configuration hadoopConf) {
        Path path = new Path(location);
        try {
            FileStatus[] entries = path.getFileSystem(hadoopConf).listStatus(path);
            String shown = Arrays.stream(entries).limit(NAMES_SHOWN).map(s -> s.getPath().getName())
                    .collect(Collectors.joining(", "));
            return entries.length > NAMES_SHOWN ? shown + ", ... (" + entries.length + " entries)" : shown;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location + ": " + e.getMessage(), e);
        }
    }

    private static boolean isModel(FileSystem fs, Path dir) throws IOException {
        Path metadata = new Path(dir, "metadata");
        if (!fs.isDirectory(new Path(dir, "stages")) || !fs.isDirectory(metadata)) {
            return false;
        }
        // One part file, named as the Spark line writes it: part-00000 (3.5, an RDD text file) or
        // part-00000-<uuid>-c000.txt (4, a DataFrame text file).
        FileStatus[] parts = fs.listStatus(metadata, p -> p.getName().startsWith("part-"));
        if (parts.length == 0 || !parts[0].isFile()) {
            return false;
        }
        JsonNode json = readJson(fs, parts[0]);
        return json != null && PIPELINE_MODEL_CLASS.equals(json.path("class").asText());
    }

    private static boolean isMetrics(FileSystem fs, FileStatus file) throws IOException {
        JsonNode json = readJson(fs, file);
        return json != null && json.isObject() && json.has("name") && json.has("modelPath");
    }

    private static boolean isReport(FileSystem fs, Path dir) throws IOException {
        Path page = new Path(dir, ReportPage.FILE_NAME);
        return fs.isFile(page) && ReportPage.isReportPage(readText(fs, fs.getFileStatus(page)));
    }

    private static boolean isSparkOutput(FileStatus[] entries) {
        boolean success = false;
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            success |= name.equals("_SUCCESS");
            // Spark's part files, its _SUCCESS marker and the local file system's hidden .crc checksums
            if (entry.isDirectory() || !(name.startsWith("part-") || name.startsWith("_") || name.startsWith("."))) {
                return false;
            }
        }
        return success;
    }

    /** The file's JSON, or null when it is too large or not JSON: either way not one of ours. */
    private static JsonNode readJson(FileSystem fs, FileStatus file) throws IOException {
        String text = readText(fs, file);
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String readText(FileSystem fs, FileStatus file) throws IOException {
        if (file.getLen() > MAX_RECOGNISED_BYTES) {
            return null;
        }
        try (InputStream in = fs.open(file.getPath())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
