package io.deepline.jobs.tune;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PolynomialFeatures;
import io.deepline.jobs.config.SelectSection;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.jobs.model.ParamBinder;
import io.deepline.jobs.train.PipelineFitting;
import io.deepline.jobs.train.SplitData;
import io.deepline.jobs.train.TrainingPipeline;
import io.deepline.pipelines.tools.report.ReportFolder;
import io.deepline.pipelines.tools.report.SelectionCurvePlot;
import io.deepline.pipelines.tools.selection.ModelSelectionCurve;
import io.deepline.pipelines.tools.selection.SelectionPoint;
import io.deepline.pipelines.tools.selection.SelectionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} command's fitting for a {@code select:} section: a model-selection curve (course §3.2, Fig. 10;
 * pipelines' {@link ModelSelectionCurve}) over one param, fitted on the training rows and measured on the
 * validation rows. The value with the best validation metric (the first of equals) wins, and the pipeline is refitted
 * with it on the training and validation rows together: the validation rows have done their job of choosing, and the
 * final model learns from every row the test does not judge. The curve's CSV and plot go into the report.
 */
public final class SelectionCurveFitting implements PipelineFitting {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionCurveFitting.class);

    private final ConfiguredModel model;
    private final SelectSection select;
    private final List<Object> values;
    private SelectionResult result;
    private long refitRows;

    /** The fitting a job file asks for: this one with a {@code select} section, else a single fit. */
    public static Function<ConfiguredModel, PipelineFitting> forJob(JobConfig config) {
        return model -> config.select() == null ? PipelineFitting.SINGLE_FIT
                : new SelectionCurveFitting(model, config.select());
    }

    /** Converts and checks the values and the metric now, so a bad section fails before Spark starts. */
    public SelectionCurveFitting(ConfiguredModel model, SelectSection select) {
        if (!model.factory().supervised() || model.factory().labelsPerStep()
                || model.factory().generatesSequences()) {
            throw new JobConfigException("select", model.factory().type() + " cannot be selected by a curve yet: the"
                    + " metrics compare one predicted label per row with the label", "Run it with train, without"
                    + " select, and compare settings by hand");
        }
        this.model = model;
        this.select = select;
        this.values = select.sweepsDegree() ? degrees(select.values()) : modelValues(model, select);
        TuneMetric.evaluator("select.metric", select.metric(), model.factory().classifies(), "label", "prediction",
                "probability");
    }

    private static List<Object> degrees(JsonNode nodes) {
        List<Object> degrees = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (!node.isInt() || node.asInt() < 1 || node.asInt() > PolynomialFeatures.MAX_DEGREE) {
                throw new JobConfigException("select.values[" + i + "]", "is " + node + "; a polynomial degree is a"
                        + " whole number from 1 to " + PolynomialFeatures.MAX_DEGREE, "e.g. values: [1, 2, 3, 4]");
            }
            degrees.add(node.asInt());
        }
        return degrees;
    }

    private static List<Object> modelValues(ConfiguredModel model, SelectSection select) {
        ParamBinder.settableParam(model.estimator(), select.param(), "select.param");
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < select.values().size(); i++) {
            converted.add(ParamBinder.value(model.estimator(), select.param(), select.values().get(i),
                    "select.values[" + i + "]"));
        }
        return converted;
    }

    /** Not used: the curve needs the validation rows, see {@link #fit(TrainingPipeline, SplitData)}. */
    @Override
    public PipelineModel fit(TrainingPipeline plan, Dataset<Row> train) {
        throw new IllegalStateException("a model-selection curve needs the validation rows; fit it with the split"
                + " data (fit(plan, SplitData))");
    }

    @Override
    @SuppressWarnings("unchecked")
    public PipelineModel fit(TrainingPipeline plan, SplitData data) {
        if (data.validation() == null) {
            throw new JobConfigException("split.validation", "is required by select", "Add it, e.g. split:"
                    + " {train: 0.6, validation: 0.2, test: 0.2}");
        }
        Evaluator evaluator = TuneMetric.evaluator("select.metric", select.metric(), model.factory().classifies(),
                plan.labelColumn(), plan.predictionColumn(), plan.probabilityColumn());
        Param<Object> param = (Param<Object>) (select.sweepsDegree() ? expansion(plan).degree()
                : model.estimator().getParam(select.param()));
        LOG.info("Model selection: {} values of {} on {} training and {} validation rows", values.size(),
                select.param(), data.trainRows(), data.validationRows());
        result = new ModelSelectionCurve(plan.pipeline(), param, values, evaluator).sweep(data.train(),
                data.validation());
        LOG.info("Model selection chose {} = {} (validation {} {})", select.param(), result.best().label(),
                result.metricName(), result.best().validation());
        refitRows = data.trainRows() + data.validationRows();
        return plan.pipeline().fit(data.train().unionByName(data.validation()),
                new ParamMap().put(param, result.bestValue()));
    }

    /** The pipeline's polynomial expansion, whose degree the curve sweeps (JobConfig requires one). */
    private static PolynomialExpansion expansion(TrainingPipeline plan) {
        for (PipelineStage stage : plan.pipeline().getStages()) {
            if (stage instanceof PolynomialExpansion expansion) {
                return expansion;
            }
        }
        throw new IllegalStateException("select.param is " + SelectSection.POLYNOMIAL_DEGREE + " but the pipeline"
                + " has no polynomial expansion; set preprocess.polynomial");
    }

    @Override
    public Map<String, Object> summary() {
        requireFitted();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("select", select.param());
        json.put("metric", result.metricName());
        json.put("values", result.points().stream().map(SelectionPoint::label).toList());
        json.put("train", result.points().stream().map(SelectionPoint::train).toList());
        json.put("validation", result.points().stream().map(SelectionPoint::validation).toList());
        json.put("best", result.best().label());
        json.put("refitRows", refitRows);
        return json;
    }

    @Override
    public ReportFolder addToReport(ReportFolder folder) {
        requireFitted();
        String curve = result.metricName() + " by " + select.param();
        return folder.withPlot(SelectionCurvePlot.FILE_NAME, "Model selection: training and validation " + curve
                        + ", the chosen value marked", result.plot())
                .withTable(SelectionResult.CSV_FILE_NAME, "Model selection: training and validation " + curve
                        + " (CSV)", result.toCsv());
    }

    private void requireFitted() {
        if (result == null) {
            throw new IllegalStateException("the model-selection curve has not run yet");
        }
    }
}
