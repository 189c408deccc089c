package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.jobs.model.ModelTypes;
import io.deepline.jobs.output.OutputKind;
import io.deepline.jobs.output.OwnedOutputs;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.tools.report.ReportFolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code evaluate} job: load a saved model and measure it on the job's data, writing the metrics and the report
 * as {@code train} does. By default it scores the job's test split, which the split seed makes the rows {@code train}
 * tested on, so on unchanged data it reproduces the train-time metrics; {@code allRows} scores every row instead
 * (new labelled data).
 */
public final class EvaluateJob {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);

    /** What an evaluation measured and where it wrote it. */
    public record Outcome(String name, String modelPath, String scope, long rows, TestMetrics metrics,
                          String metricsPath, String reportPath) {

        /** The metrics file's content: keys name the model and the rows, then the model type's metrics. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("modelPath", modelPath);
            json.put("evaluatedOn", scope);
            json.put("rows", rows);
            json.putAll(metrics.toJson());
            return json;
        }

        public String summary() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: evaluated %s on %d rows (%s)%n",
                    name, modelPath, rows, scope));
            for (String line : metrics.summaryLines()) {
                text.append("  ").append(line).append(System.lineSeparator());
            }
            text.append(String.format(Locale.ROOT, "  metrics   %s%n  report    %s%n", metricsPath, reportPath));
            return text.toString();
        }
    }

    private final JobConfig config;
    private final ModelTypes types;
    private final String modelPath;
    /** Where {@link #modelPath} comes from, for messages. */
    private final String modelKey;
    private final String outputPath;
    private final boolean allRows;

    /**
     * @param modelPath  the saved PipelineModel; null means the job's {@code output.model}
     * @param outputPath directory for metrics.json and report/; null means {@code <modelPath>/evaluation}
     * @param allRows    score every row of {@code data.path} instead of the test split
     */
    public EvaluateJob(JobConfig config, ModelTypes types, String modelPath, String outputPath, boolean allRows) {
        this.config = config;
        this.types = types;
        this.modelPath = modelPath != null ? modelPath : config.output().model();
        this.modelKey = modelPath != null ? "--model" : "output.model";
        this.outputPath = outputPath != null ? outputPath : stripSlash(this.modelPath) + "/evaluation";
        this.allRows = allRows;
    }

    public Outcome run() {
        ConfiguredModel model = TrainJob.configure(config, types);
        try (JobSession session = JobSession.open("deepline evaluate " + config.name(), config.spark())) {
            Configuration hadoopConf = session.spark().sparkContext().hadoopConfiguration();
            requireWritable(hadoopConf);
            PipelineModel fitted = SavedPipeline.load(modelPath, modelKey);
            try (SplitData data = SplitData.prepare(session.spark(), config, model)) {
                SavedPipeline.requireInputs(fitted, data.test().schema(), "data.path");
                Dataset<Row> rows = allRows ? data.train().union(data.test()) : data.test();
                long count = allRows ? data.trainRows() + data.testRows() : data.testRows();
                String scope = allRows ? "all rows of data.path" : "the test split";
                LOG.info("Evaluating {} on {} rows ({})", modelPath, count, scope);
                TestMetrics metrics = ModelEvaluation.evaluate(model.factory(), data.plan(), fitted, rows);
                Outcome outcome = new Outcome(config.name(), modelPath, scope, count, metrics, metricsPath(),
                        reportPath());
                MetricsReport.write(outcome.toJson(), outcome.metricsPath(), hadoopConf);
                ReportFolder folder = new ReportFolder(config.name(), MetricsReport.toJson(outcome.toJson()));
                metrics.classificationReport().ifPresent(r -> folder.withConfusion(r,
                        ModelEvaluation.classNames(fitted)));
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("model", config.model().type() + " at " + modelPath);
                facts.put("evaluated on", count + " rows, " + scope + " of " + config.data().path());
                facts.put("master", session.spark().sparkContext().master());
                folder.withFacts(facts);
                ScoredPlots.add(folder, model.factory(), data.plan(), fitted, rows, count, config.split().seed());
                List<String> written = folder.write(new HadoopFiles(hadoopConf), outcome.reportPath());
                LOG.info("Wrote the metrics to {} and the report ({}) to {}", outcome.metricsPath(),
                        String.join(", ", written), outcome.reportPath());
                return outcome;
            }
        }
    }

    /**
     * An evaluation replaces its own earlier metrics and report (they are measured again from the model), but
     * never a file or folder of someone else's at those paths.
     */
    private void requireWritable(Configuration hadoopConf) {
        OwnedOutputs outputs = new OwnedOutputs(hadoopConf);
        outputs.require("--output", metricsPath(), OutputKind.METRICS, true, "");
        outputs.require("--output", reportPath(), OutputKind.REPORT, true, "");
    }

    private String metricsPath() {
        return outputPath + "/metrics.json";
    }

    private String reportPath() {
        return outputPath + "/report";
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
