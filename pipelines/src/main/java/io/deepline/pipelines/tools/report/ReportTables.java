package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV tables of a report folder. Numbers are written with {@link Double#toString}, which reads back exactly
 * and does not depend on the locale.
 */
public final class ReportTables {
    /** The file name of {@link #history}. */
    public static final String HISTORY_FILE_NAME = "history.csv";
    /** The file name of {@link #confusion}. */
    public static final String CONFUSION_FILE_NAME = "confusion.csv";

    private ReportTables() {
    }

    /**
     * One line per epoch: epoch, loss, seconds, examples, examplesPerSecond and, when the fit validated,
     * validationLoss and the validation metric named after it (e.g. validationAccuracy); a blank cell where an
     * epoch has no value.
     */
    public static String history(TrainingHistory history) {
        List<String> header = new ArrayList<>(List.of("epoch", "loss", "seconds", "examples", "examplesPerSecond"));
        boolean validated = history.hasValidation() || history.epochs().stream().anyMatch(EpochStats::hasValidation);
        if (validated) {
            header.add("validationLoss");
            header.add(metricColumn(history.validationMetricName()));
        }
        StringBuilder csv = new StringBuilder(Csv.line(header));
        for (EpochStats e : history.epochs()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(e.epoch()), Double.toString(e.loss()),
                    Double.toString(e.seconds()), Long.toString(e.examples()),
                    Double.toString(e.examplesPerSecond())));
            if (validated) {
                row.add(e.validationLoss() == null ? "" : e.validationLoss().toString());
                row.add(e.validationMetric() == null ? "" : e.validationMetric().toString());
            }
            csv.append(Csv.line(row));
        }
        return csv.toString();
    }

    private static String metricColumn(String metricName) {
        if (metricName == null || metricName.isBlank()) {
            return "validationMetric";
        }
        String name = metricName.trim();
        return "validation" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * The confusion matrix with a header row of predicted labels and a first column of true labels:
     * {@code true\predicted,a,b} then {@code a,C00,C01} ...
     *
     * @param labels class names by index, or null for the indices
     */
    public static String confusion(ClassificationReport report, String[] labels) {
        long[][] c = report.confusion();
        if (labels != null && labels.length != c.length) {
            throw new IllegalArgumentException("the confusion matrix has " + c.length + " classes but "
                    + labels.length + " labels were given; give one label per class index, or null");
        }
        List<String> header = new ArrayList<>(List.of("true\\predicted"));
        for (int j = 0; j < c.length; j++) {
            header.add(label(labels, j));
        }
        StringBuilder csv = new StringBuilder(Csv.line(header));
        for (int i = 0; i < c.length; i++) {
            List<String> row = new ArrayList<>(List.of(label(labels, i)));
            for (long count : c[i]) {
                row.add(Long.toString(count));
            }
            csv.append(Csv.line(row));
        }
        return csv.toString();
    }

    private static String label(String[] labels, int k) {
        return labels == null ? Integer.toString(k) : String.valueOf(labels[k]);
    }
}
