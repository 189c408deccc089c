package io.deepline.pipelines.tools.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.pipelines.core.io.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * k-fold cross-validation results (course §3.1.1, Fig. 7) per grid point: the varying params, each fold's
 * metric, their mean and standard deviation, and the best grid point.
 *
 * <p>The mean is MLlib's {@code avgMetrics} (summed in fold order, divided by k); the standard deviation is the
 * population one, √(Σ(m_i − mean)²/k), as PySpark's {@code CrossValidatorModel.stdMetrics}. The best point is
 * the one MLlib picks: the first largest mean, or the first smallest when the evaluator's smaller is better.
 *
 * <p>CSV ({@link #toCsv()}): a header {@code params,fold_1,…,fold_k,mean,std}, then one row per grid point in
 * grid order; {@code params} is the quoted text "name=value, …" of the varying params; numbers are Java
 * doubles; fold and std cells are empty when only the means are known. JSON ({@link #toJson()}):
 * {@code {"metric", "largerIsBetter", "numFolds", "best" (0-based grid index), "gridPoints": [{"params":
 * {name: value}, "folds": [...], "mean", "std"}]}} with null for unknown or non-finite numbers.
 */
public final class CrossValidationReport {
    /** Relative agreement required between recomputed fold means and MLlib's avgMetrics. */
    static final double AGREEMENT = 1e-9;

    /**
     * @param params      varying param name → value as JSON text
     * @param foldMetrics one metric per fold, or empty when only the mean is known
     */
    public record GridPoint(Map<String, String> params, double[] foldMetrics, double mean, OptionalDouble std) {
        public GridPoint {
            params = Collections.unmodifiableMap(params);
            foldMetrics = foldMetrics.clone();
        }

        @Override
        public double[] foldMetrics() {
            return foldMetrics.clone();
        }

        /** "hiddenLayers=[16], learningRate=0.01". */
        public String description() {
            return ParamGridDescription.text(params);
        }
    }

    private final String metricName;
    private final boolean largerIsBetter;
    private final int numFolds;
    private final List<GridPoint> points;
    private final int bestIndex;

    private CrossValidationReport(String metricName, boolean largerIsBetter, int numFolds, List<GridPoint> points) {
        this.metricName = metricName;
        this.largerIsBetter = largerIsBetter;
        this.numFolds = numFolds;
        this.points = List.copyOf(points);
        int best = 0;
        for (int m = 1; m < points.size(); m++) {
            double candidate = points.get(m).mean();
            double current = points.get(best).mean();
            if (largerIsBetter ? candidate > current : candidate < current) {
                best = m;
            }
        }
        this.bestIndex = best;
    }

    /** Means only (MLlib keeps no per-fold metrics): works for any fitted CrossValidatorModel. */
    public static CrossValidationReport of(CrossValidatorModel model) {
        double[] means = model.avgMetrics();
        List<Map<String, String>> params = ParamGridDescription.describe(model.getEstimatorParamMaps());
        List<GridPoint> points = new ArrayList<>();
        for (int m = 0; m < means.length; m++) {
            points.add(new GridPoint(params.get(m), new double[0], means[m], OptionalDouble.empty()));
        }
        Evaluator evaluator = model.getEvaluator();
        return new CrossValidationReport(metricName(evaluator), evaluator.isLargerBetter(), model.getNumFolds(),
                points);
    }

    /**
     * Every fold's metric, recomputed from the fold models on {@code data}, the DataFrame (with its fold column)
     * that the CrossValidator was fit on. The model must have been fit with {@code setFoldCol} and
     * {@code setCollectSubModels(true)}, as {@link KFoldCrossValidation} does.
     *
     * @throws IllegalStateException if the fold means do not reproduce MLlib's avgMetrics (other data was passed)
     */
    public static CrossValidationReport of(CrossValidatorModel model, Dataset<?> data) {
        FoldMetrics foldMetrics = new FoldMetrics(model, data);
        double[][] byPoint = new double[model.avgMetrics().length][];
        for (int m = 0; m < byPoint.length; m++) {
            byPoint[m] = foldMetrics.of(m);
        }
        return of(model, byPoint);
    }

    /**
     * The report of fold metrics already measured (by {@link RecordingEvaluator}, as MLlib evaluated each fold
     * model), {@code [grid point][fold]}; checked against MLlib's avgMetrics like the recomputed ones.
     */
    static CrossValidationReport of(CrossValidatorModel model, double[][] foldMetricsByPoint) {
        double[] avg = model.avgMetrics();
        List<Map<String, String>> params = ParamGridDescription.describe(model.getEstimatorParamMaps());
        List<GridPoint> points = new ArrayList<>();
        for (int m = 0; m < avg.length; m++) {
            double[] folds = foldMetricsByPoint[m];
            double mean = mean(folds);
            if (!(Math.abs(mean - avg[m]) <= AGREEMENT * Math.max(1, Math.abs(avg[m])))
                    && !(Double.isNaN(mean) && Double.isNaN(avg[m]))) {
                throw new IllegalStateException("the fold metrics of grid point " + m + " average " + mean
                        + " but CrossValidator measured " + avg[m] + "; pass the same (persisted) DataFrame,"
                        + " with its fold column, that the CrossValidator was fit on");
            }
            points.add(new GridPoint(params.get(m), folds, mean, OptionalDouble.of(std(folds, mean))));
        }
        Evaluator evaluator = model.getEvaluator();
        return new CrossValidationReport(metricName(evaluator), evaluator.isLargerBetter(), model.getNumFolds(),
                points);
    }

    /** Summed in fold order and divided by k, as MLlib computes avgMetrics. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double std(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    private static String metricName(Evaluator evaluator) {
        return evaluator.hasParam("metricName")
                ? String.valueOf(evaluator.getOrDefault(evaluator.getParam("metricName")))
                : evaluator.getClass().getSimpleName();
    }

    public String metricName() {
        return metricName;
    }

    public boolean largerIsBetter() {
        return largerIsBetter;
    }

    public int numFolds() {
        return numFolds;
    }

    /** One per grid point, in grid order. */
    public List<GridPoint> gridPoints() {
        return points;
    }

    public int bestIndex() {
        return bestIndex;
    }

    public GridPoint best() {
        return points.get(bestIndex);
    }

    public boolean hasFoldMetrics() {
        return points.get(0).foldMetrics().length > 0;
    }

    /** The CSV columns: params, fold_1 … fold_k, mean, std. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("params");
        for (int i = 1; i <= numFolds; i++) {
            columns.add("fold_" + i);
        }
        columns.add("mean");
        columns.add("std");
        return columns;
    }

    /** Rows of {@link #columns()}: a string, then doubles (null when unknown). */
    public List<Row> toRows() {
        List<Row> rows = new ArrayList<>();
        for (GridPoint p : points) {
            Object[] values = new Object[numFolds + 3];
            values[0] = p.description();
            double[] folds = p.foldMetrics();
            for (int i = 0; i < numFolds; i++) {
                values[1 + i] = folds.length == 0 ? null : folds[i];
            }
            values[numFolds + 1] = p.mean();
            values[numFolds + 2] = p.std().isPresent() ? p.std().getAsDouble() : null;
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    public Dataset<Row> toDataFrame(SparkSession spark) {
        StructType schema = new StructType().add("params", DataTypes.StringType, false);
        for (String column : columns().subList(1, numFolds + 3)) {
            schema = schema.add(column, DataTypes.DoubleType, true);
        }
        return spark.createDataFrame(toRows(), schema);
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", columns())).append('\n');
        for (Row row : toRows()) {
            csv.append('"').append(row.getString(0).replace("\"", "\"\"")).append('"');
            for (int c = 1; c < row.size(); c++) {
                csv.append(',').append(row.isNullAt(c) ? "" : Double.toString(row.getDouble(c)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("metric", metricName);
        root.put("largerIsBetter", largerIsBetter);
        root.put("numFolds", numFolds);
        root.put("best", bestIndex);
        ArrayNode array = root.putArray("gridPoints");
        for (GridPoint p : points) {
            ObjectNode node = array.addObject();
            ObjectNode params = node.putObject("params");
            p.params().forEach((name, json) -> params.set(name, ParamGridDescription.parse(json)));
            ArrayNode folds = node.putArray("folds");
            Arrays.stream(p.foldMetrics()).forEach(v -> folds.add(finiteOrNull(v)));
            node.set("mean", finiteOrNull(p.mean()));
            node.set("std", p.std().isPresent() ? finiteOrNull(p.std().getAsDouble()) : null);
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cross-validation report as JSON", e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode finiteOrNull(double v) {
        return Double.isFinite(v) ? Json.MAPPER.getNodeFactory().numberNode(v) : Json.MAPPER.getNodeFactory().nullNode();
    }

    /** A fixed-width table for logs: the CSV's columns, metrics to 4 decimals, the best row marked. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(numFolds).append("-fold cross validation, ").append(metricName)
                .append(largerIsBetter ? " (larger is better)\n" : " (smaller is better)\n");
        for (int m = 0; m < points.size(); m++) {
            GridPoint p = points.get(m);
            out.append(m == bestIndex ? "* " : "  ").append(p.description()).append(": ");
            out.append(String.format(Locale.ROOT, "%.4f", p.mean()));
            if (p.std().isPresent()) {
                out.append(String.format(Locale.ROOT, " ± %.4f  folds", p.std().getAsDouble()));
                for (double v : p.foldMetrics()) {
                    out.append(String.format(Locale.ROOT, " %.4f", v));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
