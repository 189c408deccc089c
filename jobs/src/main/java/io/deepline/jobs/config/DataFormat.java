package io.deepline.jobs.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats a job reads, each a Spark data source of the same name. */
public enum DataFormat {
    CSV, PARQUET, JSON,
    /** Spark's libsvm source; it yields ready-made {@code label} and {@code features} columns. */
    LIBSVM;

    /** The Spark data source name, as written in the job file. */
    @JsonValue
    public String sourceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All names, comma separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(DataFormat::sourceName).collect(Collectors.joining(", "));
    }

    /** Reads a format name from the job file; case-insensitive so {@code CSV} works too. */
    @JsonCreator
    public static DataFormat parse(String name) {
        for (DataFormat f : values()) {
            if (name != null && f.sourceName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new JobConfigException("", "'" + name + "' is not a supported format", "Use one of: " + names());
    }
}
