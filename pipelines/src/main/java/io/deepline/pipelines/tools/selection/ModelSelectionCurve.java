package io.deepline.pipelines.tools.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model selection by a held-out validation split (course §3.2, Fig. 10): sweeps one param of an estimator over
 * given values, fits on the training rows for each, and measures an MLlib {@link Evaluator}'s metric on the
 * training and on the validation rows. Training loss keeps falling as capacity grows; the validation metric turns
 * when the extra capacity only fits noise, and chooses the value.
 *
 * <p>The estimator may be a {@link Pipeline} and the param may belong to any stage inside it (e.g.
 * {@code PolynomialExpansion.degree}, or a {@code DeepClassifier}'s {@code hiddenLayers} or {@code l2}): each fit
 * is {@code estimator.fit(train, paramMap)}, which copies the pipeline with the value set on the owning stage, so
 * the estimator given is never modified. Fits run one after another; each may itself use the whole cluster.
 *
 * <pre>{@code
 * SelectionResult curve = new ModelSelectionCurve(pipeline, poly.degree(), List.of(1, 2, 3, 4, 5, 6),
 *         new MulticlassClassificationEvaluator().setMetricName("logLoss")).sweep(train, validation);
 * curve.bestValue();   // the degree with the lowest validation log-loss
 * }</pre>
 */
public final class ModelSelectionCurve {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSelectionCurve.class);

    private final Estimator<?> estimator;
    private final Param<Object> param;
    private final List<Object> values;
    private final List<String> labels;
    private final Evaluator evaluator;

    /**
     * Checks everything that needs no data: the param belongs to the estimator or one of its pipeline's stages,
     * and every value is one the param accepts.
     *
     * @param values the values to sweep, in order (the plot and the CSV keep it)
     */
    @SuppressWarnings("unchecked")
    public ModelSelectionCurve(Estimator<?> estimator, Param<?> param, List<?> values, Evaluator evaluator) {
        if (estimator == null || param == null || evaluator == null) {
            throw new IllegalArgumentException("a model-selection curve needs an estimator, a param of it and an"
                    + " evaluator; got " + (estimator == null ? "no estimator" : param == null ? "no param"
                    : "no evaluator"));
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("there are no values of '" + param.name() + "' to sweep; give at"
                    + " least one, e.g. List.of(1, 2, 3)");
        }
        requireOwned(estimator, param);
        this.estimator = estimator;
        this.param = (Param<Object>) param;
        this.values = List.copyOf(values);
        List<String> checked = new ArrayList<>();
        for (Object value : this.values) {
            checked.add(checkedLabel(this.param, value));
        }
        this.labels = List.copyOf(checked);
        this.evaluator = evaluator;
    }

    /** The param must be the estimator's own or a stage's inside it (at any depth of nested pipelines). */
    private static void requireOwned(Estimator<?> estimator, Param<?> param) {
        Map<String, PipelineStage> stages = new LinkedHashMap<>();
        collectStages(estimator, stages);
        PipelineStage owner = stages.get(param.parent());
        if (owner == null || !owner.hasParam(param.name())) {
            throw new IllegalArgumentException("the param '" + param.name() + "' (" + param + ") belongs to stage '"
                    + param.parent() + "', which is neither the estimator nor a stage of its pipeline (stages "
                    + stages.keySet() + "); pass the param of the very stage instance in the pipeline, e.g."
                    + " poly.degree() for the PolynomialExpansion poly you put in it");
        }
    }

    private static void collectStages(PipelineStage stage, Map<String, PipelineStage> out) {
        out.put(stage.uid(), stage);
        if (stage instanceof Pipeline pipeline) {
            if (!pipeline.isDefined(pipeline.stages())) {
                throw new IllegalArgumentException("the pipeline " + pipeline.uid() + " has no stages; set them"
                        + " with setStages before sweeping a param");
            }
            for (PipelineStage s : pipeline.getStages()) {
                collectStages(s, out);
            }
        } else if (stage instanceof PipelineModel model) {
            for (Transformer t : model.stages()) {
                collectStages(t, out);
            }
        }
    }

    /** The value's text, after checking that the param takes it (type and validator). */
    private static String checkedLabel(Param<Object> param, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a value to sweep of '" + param.name() + "' is null; give only"
                    + " values the param accepts");
        }
        boolean valid;
        try {
            valid = (Boolean) param.isValid().apply(value);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw wrongType(param, value, e);
        }
        if (!valid) {
            throw new IllegalArgumentException("the param '" + param.name() + "' does not accept the value "
                    + describe(value) + " (" + param.doc() + "); sweep only valid values");
        }
        String json;
        try {
            // The typed params (IntParam, IntArrayParam, ...) cast here, so a Long for an IntParam fails now,
            // not deep inside the first fit.
            json = param.jsonEncode(value);
        } catch (ClassCastException e) {
            throw wrongType(param, value, e);
        } catch (UnsupportedOperationException e) {
            json = null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || json == null) {
            return value.toString();
        }
        return json;
    }

    private static IllegalArgumentException wrongType(Param<?> param, Object value, RuntimeException cause) {
        return new IllegalArgumentException("the value " + describe(value) + " of type "
                + value.getClass().getSimpleName() + " does not fit the param '" + param.name() + "' ("
                + param.getClass().getSimpleName() + "); give values of the param's type, e.g. Integer for an"
                + " IntParam, int[] for an IntArrayParam", cause);
    }

    private static String describe(Object value) {
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(value);
    }

    /**
     * Fits once per value on {@code train} and evaluates on both splits. Inputs that are not cached are
     * persisted for the sweep (each is read twice per value) and released after it.
     */
    public SelectionResult sweep(Dataset<?> train, Dataset<?> validation) {
        requireRows(train, "training");
        requireRows(validation, "validation");
        String metric = metricName();
        boolean persistTrain = train.storageLevel().equals(StorageLevel.NONE());
        boolean persistValidation = validation.storageLevel().equals(StorageLevel.NONE());
        if (persistTrain) {
            train.persist(StorageLevel.MEMORY_AND_DISK());
        }
        if (persistValidation) {
            validation.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            List<SelectionPoint> points = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                long start = System.nanoTime();
                Transformer model = estimator.fit(train, new ParamMap().put(param, values.get(i)));
                double trainMetric = evaluator.evaluate(model.transform(train));
                double validationMetric = evaluator.evaluate(model.transform(validation));
                points.add(new SelectionPoint(values.get(i), labels.get(i), trainMetric, validationMetric));
                LOG.info(String.format(Locale.ROOT, "model selection %s = %s: train %s %.6g, validation %.6g (%.1f s)",
                        param.name(), labels.get(i), metric, trainMetric, validationMetric,
                        (System.nanoTime() - start) / 1e9));
            }
            return new SelectionResult(param.name(), metric, evaluator.isLargerBetter(), points);
        } finally {
            if (persistTrain) {
                train.unpersist();
            }
            if (persistValidation) {
                validation.unpersist();
            }
        }
    }

    private static void requireRows(Dataset<?> data, String split) {
        if (data == null) {
            throw new IllegalArgumentException("the " + split + " DataFrame is null");
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("the " + split + " DataFrame has no rows; a model-selection curve"
                    + " fits on training rows and compares on validation rows, so split the data so both have"
                    + " rows (e.g. randomSplit(new double[] {0.7, 0.3}))");
        }
    }

    /** The evaluator's metricName param when it has one (MLlib's evaluators do), else its class name. */
    private String metricName() {
        if (evaluator.hasParam("metricName")) {
            return String.valueOf(evaluator.getOrDefault(evaluator.getParam("metricName")));
        }
        return evaluator.getClass().getSimpleName();
    }
}
