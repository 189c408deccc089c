package io.deepline.pipelines.tools.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Named, ordered, disjoint DataFrames made by {@link DataSplits}, with their row counts (known when the
 * splits were made, so asking costs no Spark job).
 *
 * <p>Each split is a filter over one assignment; reading several splits recomputes the assignment for each
 * unless it is {@link #persist() persisted}. Recomputation gives the same rows (the assignment is
 * deterministic), so persisting only saves time.
 */
public final class Splits {
    private final Dataset<Row> assignment;
    private final Map<String, Dataset<Row>> frames;
    private final Map<String, Long> counts;

    Splits(Dataset<Row> assignment, Map<String, Dataset<Row>> frames, Map<String, Long> counts) {
        this.assignment = assignment;
        this.frames = Collections.unmodifiableMap(new LinkedHashMap<>(frames));
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The split names, in the order they were given. */
    public List<String> names() {
        return new ArrayList<>(frames.keySet());
    }

    /** The rows of split {@code name}, with the input's columns. */
    public Dataset<Row> get(String name) {
        Dataset<Row> frame = frames.get(name);
        if (frame == null) {
            throw new IllegalArgumentException("there is no split named '" + name + "'; the splits are " + names());
        }
        return frame;
    }

    /** Rows in split {@code name}. */
    public long count(String name) {
        get(name);
        return counts.get(name);
    }

    /** name → rows, in split order. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Keeps the assignment in memory (spilling to disk), so reading every split runs it once. */
    public Splits persist() {
        assignment.persist(StorageLevel.MEMORY_AND_DISK());
        return this;
    }

    public Splits unpersist() {
        assignment.unpersist();
        return this;
    }

    @Override
    public String toString() {
        return "Splits" + counts;
    }
}
