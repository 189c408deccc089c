package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.SplitSection;
import io.deepline.pipelines.tools.selection.DataSplits;
import io.deepline.pipelines.tools.selection.Splits;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The exact split of a job without a registry: of n rows (of each class, stratified), round(n · fraction) rows go
 * to each split, within one row, through pipelines' {@code DataSplits}. Which rows is decided by a seeded hash of
 * each row's content, so the same data and seed give the same rows in {@code train}, {@code evaluate} and
 * {@code tune}, however the data is ordered or partitioned.
 */
final class ExactSplit {

    static final String TRAIN = "train";
    static final String VALIDATION = "validation";
    static final String TEST = "test";

    private ExactSplit() {
    }

    /**
     * @param label the raw label column to stratify by, or null for a plain split
     * @throws JobConfigException naming {@code split} for a split that would be empty
     */
    static Splits split(Dataset<Row> rows, SplitSection split, String label) {
        List<String> names = new ArrayList<>(List.of(TRAIN));
        List<Double> fractions = new ArrayList<>(List.of(split.train()));
        if (split.validates()) {
            names.add(VALIDATION);
            fractions.add(split.validation());
        }
        names.add(TEST);
        fractions.add(split.test());
        DataSplits splits = DataSplits.fractions(names, fractions.stream().mapToDouble(Double::doubleValue).toArray())
                .withSeed(split.seed());
        if (label != null) {
            splits = splits.stratifiedBy(label);
        }
        try {
            return splits.split(rows);
        } catch (IllegalArgumentException e) {
            throw new JobConfigException("split", e.getMessage(), "Use more data, or fractions that leave rows in"
                    + " every split" + (label == null ? "" : " (of every class, as split.stratified asks)"), e);
        }
    }
}
