package io.deepline.jobs.tune;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.TuneSection;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.jobs.train.PipelineFitting;
import io.deepline.jobs.train.TrainingPipeline;
import io.deepline.pipelines.tools.report.ReportFolder;
import io.deepline.pipelines.tools.selection.CrossValidationPlot;
import io.deepline.pipelines.tools.selection.CrossValidationReport;
import io.deepline.pipelines.tools.selection.CrossValidationResult;
import io.deepline.pipelines.tools.selection.KFoldCrossValidation;
import io.deepline.pipelines.core.train.TrainingListener;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tune} command's fitting: k-fold cross-validation of the whole pipeline over {@code tune.grid} (MLlib's
 * CrossValidator on Deepline's seeded, stratified folds), then the best candidate refitted on all the training rows
 * (MLlib's bestModel), which the job tests and saves like {@code train} does.
 */
public final class CrossValidatedFitting implements PipelineFitting {
    private static final Logger LOG = LoggerFactory.getLogger(CrossValidatedFitting.class);

    private final ConfiguredModel model;
    private final TuneSection tune;
    private final long seed;
    private final ParamMap[] grid;
    private final TrainingListener listener;
    private CrossValidationReport report;

    /** Builds the grid now, so a bad grid fails before Spark starts. */
    public CrossValidatedFitting(ConfiguredModel model, TuneSection tune, long seed) {
        this(model, tune, seed, TrainingListener.NONE);
    }

    /**
     * @param listener follows every fold fit and the final refit (the console's progress bar); with parallelism
     *                 above 1 it is called from several threads, each fit's {@code FitLabel} set on its own
     */
    public CrossValidatedFitting(ConfiguredModel model, TuneSection tune, long seed, TrainingListener listener) {
        if (!model.factory().supervised()) {
            throw new JobConfigException("tune", model.factory().type() + " cannot be tuned yet: it is unsupervised,"
                    + " and the cross-validation metrics compare predictions with labels", "Run it with the train"
                    + " command and compare the test reconstruction errors by hand");
        }
        if (model.factory().labelsPerStep() || model.factory().generatesSequences()) {
            // MLlib's evaluators read one label per row; a tagger's are arrays.
            throw new JobConfigException("tune", model.factory().type() + " cannot be tuned yet: its labels are"
                    + " arrays (per step, or target sequences), and the cross-validation metrics read one label per row",
                    "Run it with the train command and compare settings by hand");
        }
        this.model = model;
        this.tune = tune;
        this.seed = seed;
        this.grid = GridBuilder.build(model.estimator(), tune.grid());
        this.listener = listener == null ? TrainingListener.NONE : listener;
        // The metric's name is checked now too; the columns are wired when the pipeline exists.
        TuneMetric.evaluator(tune.metric(), model.factory().classifies(), "label", "prediction", "probability");
    }

    @Override
    public PipelineModel fit(TrainingPipeline plan, Dataset<Row> train) {
        Evaluator evaluator = TuneMetric.evaluator(tune.metric(), model.factory().classifies(), plan.labelColumn(),
                plan.predictionColumn(), plan.probabilityColumn());
        int parallelism = TuneParallelism.resolve(tune.parallelism(), train.sparkSession(), model.estimator(), grid);
        KFoldCrossValidation cv = new KFoldCrossValidation(plan.pipeline(), grid, evaluator).withFolds(tune.folds())
                .withSeed(seed).withParallelism(parallelism).withLabel("tune").withListener(listener);
        // Leave-one-out folds hold one row each: there is nothing to stratify.
        if (model.factory().classifies() && !tune.leaveOneOut()
                && Arrays.asList(train.columns()).contains(plan.labelColumn())) {
            cv = cv.stratifiedBy(plan.labelColumn());
        }
        LOG.info("Cross-validating {} candidates over {} folds, {} at once{}", grid.length,
                tune.leaveOneOut() ? "n (leave-one-out)" : tune.folds(), parallelism,
                tune.parallelism() == null ? " (the task slots / numWorkers; set tune.parallelism to change)" : "");
        CrossValidationResult result = cv.fit(train);
        report = result.report();
        LOG.info("Cross-validation:\n{}", report);
        return (PipelineModel) result.model().bestModel();
    }

    @Override
    public Map<String, Object> summary() {
        requireFitted();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("metric", report.metricName());
        json.put("folds", report.numFolds());
        json.put("candidates", report.gridPoints().size());
        json.put("bestParams", report.best().params());
        json.put("bestMean", report.best().mean());
        report.best().std().ifPresent(std -> json.put("bestStd", std));
        return json;
    }

    @Override
    public ReportFolder addToReport(ReportFolder folder) {
        requireFitted();
        return folder.withPlot(CrossValidationPlot.FILE_NAME, "Cross-validation: " + report.metricName()
                        + " per fold and mean ± std per candidate", new CrossValidationPlot(report))
                .withTable("cv.csv", "Cross-validation: every fold's " + report.metricName() + " per candidate (CSV)",
                        report.toCsv())
                .withTable("cv.json", "Cross-validation report (JSON)", report.toJson());
    }

    private void requireFitted() {
        if (report == null) {
            throw new IllegalStateException("the cross-validation has not run yet");
        }
    }
}
