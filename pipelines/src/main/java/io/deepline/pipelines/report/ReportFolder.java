package io.deepline.pipelines.report;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.io.HadoopFiles;
import io.deepline.pipelines.train.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Writes a whole report folder through Hadoop FileSystem: {@code index.html} ({@link ReportPage}) and, when given,
 * the learning curve ({@code learning-curve.png}, {@code history.csv}), the per-layer gradient diagnostics
 * ({@code gradients.png}, when the history has them), the confusion matrix
 * ({@code confusion.png}, {@code confusion.csv}) and extra plots and CSV tables.
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
    private static final List<String> RESERVED = List.of(ReportPage.FILE_NAME, LearningCurvePlot.FILE_NAME,
            GradientDiagnosticsPlot.FILE_NAME, ReportTables.HISTORY_FILE_NAME, ConfusionHeatmapPlot.FILE_NAME, ReportTables.CONFUSION_FILE_NAME);

    private final String title;
    private final String metricsJson;
    private TrainingHistory history;
    private ClassificationReport confusion;
    private String[] labels;
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
        ReportPage page = new ReportPage(title, metricsJson);
        Map<String, byte[]> binary = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        boolean hasHistory = history != null && history.numEpochs() > 0;
        if (hasHistory) {
            binary.put(LearningCurvePlot.FILE_NAME, new LearningCurvePlot(history).toPng());
            page = page.withImage(LearningCurvePlot.FILE_NAME, "Learning curve: loss per epoch");
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
        for (Map.Entry<String, Plot> p : plots.entrySet()) {
            binary.put(p.getKey(), p.getValue().plot().toPng());
            page = page.withImage(p.getKey(), p.getValue().caption());
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
        written.add(ReportPage.FILE_NAME);
        return written;
    }
}
