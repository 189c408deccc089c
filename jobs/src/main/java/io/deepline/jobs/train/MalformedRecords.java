package io.deepline.jobs.train;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import io.deepline.jobs.config.JobConfigException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Turns Spark's FAILFAST parse failure (a {@code SparkException} from deep inside whichever job first reads the bad
 * record) into a job-file error naming the path key, the file and the record.
 *
 * <p>Spark reads lazily, so the failure comes from the first action over all columns, not from {@code load}: the
 * callers wrap the actions that first read the data ({@link DataReader}'s row check, {@link SplitData}'s null
 * check and split, predict's scoring), which costs no extra pass over the data.
 */
public final class MalformedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRecords.class);
    /**
     * Spark's message for a record whose number of fields is not the header's; it quotes the raw line. Spark 4 ends
     * its error messages with " SQLSTATE: &lt;code&gt;", which is not part of the line (Spark 3.5 adds nothing).
     */
    private static final Pattern RAW_RECORD =
            Pattern.compile("Malformed CSV record: (.*?)(?: SQLSTATE: [0-9A-Z]{5})?$", Pattern.MULTILINE);
    /** Spark's message for any record FAILFAST refuses; it quotes the values parsed so far. */
    private static final Pattern PARSED_RECORD = Pattern.compile("detected in record parsing: (.*?)\\.(\\s|$)");

    private MalformedRecords() {
    }

    /**
     * Runs {@code action}, which reads the data at {@code location}.
     *
     * @param keyPath where the path is in the job file, e.g. {@code data.path}
     * @throws JobConfigException naming {@code keyPath} if Spark refused a malformed record
     */
    public static <T> T reported(SparkSession spark, String location, String keyPath, Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // Spark's SparkException is checked but thrown undeclared
            if (!isMalformedRecord(e)) {
                throw e;
            }
            throw describe(spark, location, keyPath, e);
        }
    }

    static boolean isMalformedRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("MALFORMED_RECORD_IN_PARSING") || message.contains("MALFORMED_CSV_RECORD")
                    || t.getClass().getSimpleName().equals("BadRecordException")) {
                return true;
            }
        }
        return false;
    }

    private static JobConfigException describe(SparkSession spark, String location, String keyPath, Exception e) {
        String raw = firstMatch(e, RAW_RECORD);
        String problem;
        if (raw != null) {
            problem = "a malformed record in " + fileHolding(spark, location, raw) + ": '" + raw + "' does not have"
                    + " as many fields as the header (or the first line) has columns";
        } else {
            String parsed = firstMatch(e, PARSED_RECORD);
            problem = "a malformed record in '" + location + "': a value does not fit its column's type ("
                    + rootMessage(e) + ")" + (parsed == null ? "" : "; the record as parsed: " + parsed);
        }
        String modeKey = keyPath.replaceFirst("path$", "options.mode");
        return new JobConfigException(keyPath, problem, "Fix or remove the record; or set " + modeKey
                + ": DROPMALFORMED to skip malformed records, or PERMISSIVE to keep them (extra fields dropped,"
                + " missing ones null)", e);
    }

    /**
     * The file of {@code location} that holds the line {@code raw}, and the line's number in it; looked up only on
     * this error path (two passes over that one file at most), and left out where the lookup fails, e.g. for a
     * record that spans lines.
     */
    private static String fileHolding(SparkSession spark, String location, String raw) {
        try {
            List<Row> files = spark.read().text(location).filter(col("value").equalTo(raw))
                    .select(input_file_name()).takeAsList(1);
            if (!files.isEmpty()) {
                String file = files.get(0).getString(0);
                // A Hadoop text RDD's partitions are the file's splits in order, so the indices are line numbers.
                List<Tuple2<String, Long>> line = spark.sparkContext().textFile(file, 1).toJavaRDD().zipWithIndex()
                        .filter(numbered -> numbered._1().equals(raw)).take(1);
                return "'" + file + "'" + (line.isEmpty() ? "" : " at line " + (line.get(0)._2() + 1));
            }
        } catch (RuntimeException lookupFailed) {
            LOG.debug("Could not find the file holding the malformed record", lookupFailed);
        }
        return "'" + location + "'";
    }

    /** The innermost cause's message, e.g. {@code For input string: "x"} from the number parser. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String firstMatch(Throwable e, Pattern pattern) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = pattern.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }
}
