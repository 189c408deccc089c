package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.eval.ProbabilityCurves;
import io.deepline.pipelines.eval.RegressionSample;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Writes a whole report folder through Hadoop FileSystem: {@code index.html} ({@link ReportPage}) with
 * {@code metrics.json} and, when given, the run's facts, the learning curve, validation metric and throughput per
 * epoch ({@code learning-curve.png}, {@code validation-metric.png}, {@code throughput.png}, {@code history.csv}),
 * the per-layer gradient diagnostics ({@code gradients.png}, when the history has them),
 * the confusion matrix ({@code confusion.png}, {@code confusion.csv}), a classifier's ROC, precision-recall and
 * calibration plots, a regressor's predicted-vs-actual and residual plots, and extra plots and CSV tables.
 *
 * <pre>{@code
 * new ReportFolder("iris", metricsJson)
 *         .withHistory(model.trainingHistory())
 *         .withConfusion(report, labels)
 *         .write(new HadoopFiles(spark.sparkContext().hadoopConfiguration()), modelPath + "/report");
 * }</pre>
 *
 * <p>Files of the same names are replaced; other files in the folder are left alone.
 */
public final class ReportFolder {
    /** The file names the folder writes itself. */
    private static final List<String> RESERVED = List.of(ReportPage.FILE_NAME, ReportPage.METRICS_FILE_NAME,
            LearningCurvePlot.FILE_NAME, EpochMetricPlot.VALIDATION_FILE_NAME, EpochMetricPlot.THROUGHPUT_FILE_NAME,
            ReportTables.HISTORY_FILE_NAME, GradientDiagnosticsPlot.FILE_NAME, ConfusionHeatmapPlot.FILE_NAME,
            ReportTables.CONFUSION_FILE_NAME,
            ProbabilityCurvePlot.ROC_FILE_NAME, ProbabilityCurvePlot.PR_FILE_NAME, CalibrationPlot.FILE_NAME,
            RegressionScatterPlot.PREDICTED_FILE_NAME, RegressionScatterPlot.RESIDUALS_FILE_NAME);

    private final String title;
    private final String metricsJson;
    private TrainingHistory history;
    private ClassificationReport confusion;
    private String[] labels;
    private Map<String, String> facts = Map.of();
    private ProbabilityCurves curves;
    private RegressionSample regression;
    private final Map<String, Plot> plots = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private record Plot(String caption, PngPlot plot) {
    }

    private record Table(String caption, String csv) {
    }

    /**
     * @param title       the page heading (e.g. the job's name)
     * @param metricsJson the metrics as a JSON object (e.g. the job's metrics.json)
     */
    public ReportFolder(String title, String metricsJson) {
        this.title = title;
        this.metricsJson = metricsJson;
    }

    /** Adds the learning curve and history.csv; a null or epoch-less history adds nothing. */
    public ReportFolder withHistory(TrainingHistory history) {
        this.history = history;
        return this;
    }

    /**
     * Adds the confusion heat map and confusion.csv.
     *
     * @param labels class names by class index, or null for the indices
     */
    public ReportFolder withConfusion(ClassificationReport report, String[] labels) {
        this.confusion = report;
        this.labels = labels == null ? null : labels.clone();
        return this;
    }

    /** Sets the run panel's facts (name → shown text, in order): model, params, data, split, versions, ... */
    public ReportFolder withFacts(Map<String, String> runFacts) {
        this.facts = new LinkedHashMap<>(runFacts);
        return this;
    }

    /** Adds the ROC, precision-recall and calibration plots; null adds nothing. */
    public ReportFolder withProbabilityCurves(ProbabilityCurves probabilityCurves) {
        this.curves = probabilityCurves;
        return this;
    }

    /** Adds the predicted-vs-actual and residual plots; null or an empty sample adds nothing. */
    public ReportFolder withRegressionSample(RegressionSample sample) {
        this.regression = sample;
        return this;
    }

    /**
     * Which epoch's weights a fit kept, as the page says it: the best validated epoch when the fit validated,
     * else the last.
     */
    static String keptEpoch(TrainingHistory history) {
        int last = history.epochs().get(history.numEpochs() - 1).epoch();
        int best = history.bestEpoch();
        if (history.hasValidation() && best >= 1) {
            Double metric = history.epochs().stream().filter(e -> e.epoch() == best).findFirst()
                    .map(e -> e.validationMetric()).orElse(null);
            String value = metric == null ? "" : String.format(Locale.ROOT, ", validation %s %.4f",
                    history.validationMetricName(), metric);
            return best + " of " + last + " (lowest validation loss" + value + ")"
                    + (history.stoppedEarly() ? ", stopped early" : "");
        }
        return last + " of " + last + " (the last; no validation rows to choose another)";
    }

    /** Adds a plot, written as {@code fileName} and shown on the page under {@code caption}. */
    public ReportFolder withPlot(String fileName, String caption, PngPlot plot) {
        if (plot == null) {
            throw new IllegalArgumentException("the plot for '" + fileName + "' is null");
        }
        requireNew(ReportPage.requireFileName(fileName));
        plots.put(fileName, new Plot(caption, plot));
        return this;
    }

    /** Adds a CSV table, written as {@code fileName} and linked from the page. */
    public ReportFolder withTable(String fileName, String caption, String csv) {
        if (csv == null) {
            throw new IllegalArgumentException("the CSV text for '" + fileName + "' is null");
        }
        requireNew(ReportPage.requireFileName(fileName));
        tables.put(fileName, new Table(caption, csv));
        return this;
    }

    private void requireNew(String fileName) {
        if (RESERVED.contains(fileName)) {
            throw new IllegalArgumentException("'" + fileName + "' is a file name the report folder uses itself "
                    + RESERVED + "; name the extra plot or table differently");
        }
        if (plots.containsKey(fileName) || tables.containsKey(fileName)) {
            throw new IllegalArgumentException("the report folder already has a file named '" + fileName
                    + "'; give each plot and table its own file name");
        }
    }

    /**
     * Renders everything, then writes the files into {@code directory} (created if missing).
     *
     * @return the file names written, index.html last
     */
    public List<String> write(HadoopFiles files, String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("the report directory is blank; give a Hadoop path such as"
                    + " hdfs:///models/iris/report or target/report");
        }
        // Build the page first: a bad metrics JSON or title fails before any file is written.
        ReportPage page = new ReportPage(title, metricsJson).withFacts(facts).withClassNames(labels);
        Map<String, byte[]> binary = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        boolean hasHistory = history != null && history.numEpochs() > 0;
        // The order of the page's grid: what a practitioner looks at first comes first.
        if (hasHistory) {
            page = page.withKeptEpoch(keptEpoch(history));
            binary.put(LearningCurvePlot.FILE_NAME, new LearningCurvePlot(history).toPng());
            page = page.withImage(LearningCurvePlot.FILE_NAME, "Learning curve: loss per epoch, kept epoch marked");
            if (history.hasValidation()) {
                binary.put(EpochMetricPlot.VALIDATION_FILE_NAME, EpochMetricPlot.validationMetric(history).toPng());
                page = page.withImage(EpochMetricPlot.VALIDATION_FILE_NAME, "Validation "
                        + history.validationMetricName() + " per epoch, kept epoch marked");
            }
        }
        // The caller's own plots (tune's cross-validation, a VAE's samples) next: they are why that run was made.
        for (Map.Entry<String, Plot> p : plots.entrySet()) {
            binary.put(p.getKey(), p.getValue().plot().toPng());
            page = page.withImage(p.getKey(), p.getValue().caption());
        }
        if (hasHistory && GradientDiagnosticsPlot.applies(history)) {
            // Only fits with gradientDiagnostics record per-layer norms; the others get no empty plot.
            binary.put(GradientDiagnosticsPlot.FILE_NAME, new GradientDiagnosticsPlot(history).toPng());
            page = page.withImage(GradientDiagnosticsPlot.FILE_NAME,
                    "Gradient diagnostics: gradient norm per layer and dead ReLU units per epoch");
        }
        if (confusion != null) {
            binary.put(ConfusionHeatmapPlot.FILE_NAME, new ConfusionHeatmapPlot(confusion, labels).toPng());
            page = page.withImage(ConfusionHeatmapPlot.FILE_NAME, "Confusion matrix: true class by predicted class");
        }
        if (curves != null) {
            binary.put(ProbabilityCurvePlot.ROC_FILE_NAME, ProbabilityCurvePlot.roc(curves, labels).toPng());
            page = page.withImage(ProbabilityCurvePlot.ROC_FILE_NAME, "ROC curve on the test rows");
            binary.put(ProbabilityCurvePlot.PR_FILE_NAME, ProbabilityCurvePlot.precisionRecall(curves, labels)
                    .toPng());
            page = page.withImage(ProbabilityCurvePlot.PR_FILE_NAME, "Precision-recall curve on the test rows");
            binary.put(CalibrationPlot.FILE_NAME, new CalibrationPlot(curves).toPng());
            page = page.withImage(CalibrationPlot.FILE_NAME, "Calibration: observed frequency by predicted"
                    + " probability");
        }
        if (regression != null && regression.size() > 0) {
            binary.put(RegressionScatterPlot.PREDICTED_FILE_NAME, RegressionScatterPlot.predictedVsActual(regression)
                    .toPng());
            page = page.withImage(RegressionScatterPlot.PREDICTED_FILE_NAME, "Predicted vs actual on the test rows");
            binary.put(RegressionScatterPlot.RESIDUALS_FILE_NAME, RegressionScatterPlot.residuals(regression)
                    .toPng());
            page = page.withImage(RegressionScatterPlot.RESIDUALS_FILE_NAME, "Residuals by prediction");
        }
        if (hasHistory) {
            binary.put(EpochMetricPlot.THROUGHPUT_FILE_NAME, EpochMetricPlot.throughput(history).toPng());
            page = page.withImage(EpochMetricPlot.THROUGHPUT_FILE_NAME, "Throughput: examples per second per epoch");
        }
        if (hasHistory) {
            text.put(ReportTables.HISTORY_FILE_NAME, ReportTables.history(history));
            page = page.withLink(ReportTables.HISTORY_FILE_NAME, "Training history, one line per epoch (CSV)");
        }
        if (confusion != null) {
            text.put(ReportTables.CONFUSION_FILE_NAME, ReportTables.confusion(confusion, labels));
            page = page.withLink(ReportTables.CONFUSION_FILE_NAME, "Confusion matrix (CSV)");
        }
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            text.put(t.getKey(), t.getValue().csv());
            page = page.withLink(t.getKey(), t.getValue().caption());
        }
        List<String> written = new ArrayList<>();
        binary.forEach((name, png) -> {
            files.writeBytes(new Path(directory, name).toString(), png);
            written.add(name);
        });
        text.forEach((name, csv) -> {
            files.writeText(new Path(directory, name).toString(), csv);
            written.add(name);
        });
        // The page last: once it exists, everything it shows does.
        page.write(files, directory);
        written.add(ReportPage.METRICS_FILE_NAME);
        written.add(ReportPage.FILE_NAME);
        return written;
    }
}
