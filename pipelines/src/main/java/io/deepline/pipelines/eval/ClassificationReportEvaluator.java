package io.deepline.pipelines.eval;

import io.deepline.pipelines.core.param.Validators;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;

/**
 * An MLlib {@link Evaluator} over a {@link ClassificationReport}, so {@code CrossValidator} and
 * {@code TrainValidationSplit} can select by the course's metrics, including macro F1, which MLlib's
 * {@code MulticlassClassificationEvaluator} lacks (its "f1" is the class-frequency-weighted F1).
 */
public class ClassificationReportEvaluator extends Evaluator implements MLWritable {
    private static final long serialVersionUID = 1L;

    private static final Map<String, ToDoubleFunction<ClassificationReport>> METRICS = Map.of(
            "accuracy", ClassificationReport::accuracy,
            "f1Macro", ClassificationReport::f1Macro,
            "weightedF1", ClassificationReport::weightedF1,
            "precisionMacro", ClassificationReport::precisionMacro,
            "recallMacro", ClassificationReport::recallMacro,
            "logLoss", r -> r.logLoss().orElseThrow());

    /** The metric names, in a stable order for messages. */
    public static final List<String> METRIC_NAMES = List.of("accuracy", "f1Macro", "weightedF1", "precisionMacro",
            "recallMacro", "logLoss");

    private final String uid;
    private final Param<String> metricName;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    public ClassificationReportEvaluator() {
        this(Identifiable$.MODULE$.randomUID("classificationReportEvaluator"));
    }

    public ClassificationReportEvaluator(String uid) {
        this.uid = uid;
        metricName = new Param<>(this, "metricName", "metric to evaluate: " + String.join(", ", METRIC_NAMES)
                + " (default f1Macro); logLoss reads probabilityCol and is smaller-is-better",
                Validators.of(v -> METRICS.containsKey(v)));
        labelCol = new Param<>(this, "labelCol", "column of true 0-based class indices (default label)",
                Validators.of(v -> true));
        predictionCol = new Param<>(this, "predictionCol", "column of predicted class indices (default prediction)",
                Validators.of(v -> true));
        probabilityCol = new Param<>(this, "probabilityCol", "vector column of class probabilities, used by logLoss"
                + " (default probability)", Validators.of(v -> true));
        setDefault(metricName, "f1Macro");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> metricName() {
        return metricName;
    }

    // Spark finds a stage's Params by reflection over its public no-argument methods returning Param.
    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public String getMetricName() {
        return getOrDefault(metricName);
    }

    public ClassificationReportEvaluator setMetricName(String value) {
        if (!METRICS.containsKey(value)) {
            throw new IllegalArgumentException("unknown metricName '" + value + "'; use one of " + METRIC_NAMES);
        }
        return (ClassificationReportEvaluator) set(metricName, value);
    }

    public ClassificationReportEvaluator setLabelCol(String value) {
        return (ClassificationReportEvaluator) set(labelCol, value);
    }

    public ClassificationReportEvaluator setPredictionCol(String value) {
        return (ClassificationReportEvaluator) set(predictionCol, value);
    }

    public ClassificationReportEvaluator setProbabilityCol(String value) {
        return (ClassificationReportEvaluator) set(probabilityCol, value);
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        boolean needsProbability = getMetricName().equals("logLoss");
        ClassificationReport report = ClassificationReport.of(dataset, getOrDefault(labelCol),
                getOrDefault(predictionCol), needsProbability ? getOrDefault(probabilityCol) : null, 0);
        return METRICS.get(getMetricName()).applyAsDouble(report);
    }

    @Override
    public boolean isLargerBetter() {
        return !getMetricName().equals("logLoss");
    }

    @Override
    public ClassificationReportEvaluator copy(ParamMap extra) {
        return (ClassificationReportEvaluator) defaultCopy(extra);
    }

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<ClassificationReportEvaluator> read() {
        return ParamsOnlyPersistence.reader(ClassificationReportEvaluator.class);
    }

    public static ClassificationReportEvaluator load(String path) {
        return read().load(path);
    }
}
