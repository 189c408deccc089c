package io.deepline.jobs.config;

import java.util.Map;

/**
 * Optional {@code spark:} section.
 *
 * @param master Spark master URL, e.g. {@code local[4]}; {@code null} means "the launcher decides": spark-submit's
 *               master if the job runs under spark-submit, else {@code local[*]}. A master set by spark-submit always
 *               wins over this one, so one job file serves both a laptop and a cluster.
 * @param conf   extra Spark configuration entries, applied when the session is built
 */
public record SparkSection(String master, Map<String, String> conf) {

    /** The section used when the job file has none. */
    public static final SparkSection DEFAULT = new SparkSection(null, null);

    public SparkSection {
        master = Checks.optionalText("master", master, "master: \"local[*]\"");
        conf = Checks.stringMap("conf", conf);
        if (conf.containsKey("spark.master")) {
            // In conf it would override spark-submit's master, which must win.
            throw new JobConfigException("conf.spark.master", "the master does not belong in spark.conf",
                    "Move it to spark.master");
        }
    }
}
