package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.tools.report.Csv;
import io.deepline.pipelines.tools.report.SelectionCurvePlot;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a {@link ModelSelectionCurve} measured: per swept value, the metric on the training and the validation
 * rows, and the value the validation metric chooses (course §3.2: the lowest validation loss, or the highest
 * validation accuracy; ties go to the earlier value in sweep order).
 */
public final class SelectionResult {
    /** The file names of {@link #write}. */
    public static final String CSV_FILE_NAME = "model-selection.csv";
    public static final String PNG_FILE_NAME = SelectionCurvePlot.FILE_NAME;

    private final String paramName;
    private final String metricName;
    private final boolean largerIsBetter;
    private final List<SelectionPoint> points;
    private final int bestIndex;

    SelectionResult(String paramName, String metricName, boolean largerIsBetter, List<SelectionPoint> points) {
        this.paramName = paramName;
        this.metricName = metricName;
        this.largerIsBetter = largerIsBetter;
        this.points = List.copyOf(points);
        this.bestIndex = bestIndex(points, largerIsBetter);
    }

    /** The index of the best finite validation metric, the first of equals; -1 when none is finite. */
    private static int bestIndex(List<SelectionPoint> points, boolean largerIsBetter) {
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            double v = points.get(i).validation();
            if (Double.isFinite(v) && (best < 0 || (largerIsBetter ? v > points.get(best).validation()
                    : v < points.get(best).validation()))) {
                best = i;
            }
        }
        return best;
    }

    /** The swept param's name (e.g. degree). */
    public String paramName() {
        return paramName;
    }

    /** The evaluator's metric (e.g. logLoss). */
    public String metricName() {
        return metricName;
    }

    public boolean largerIsBetter() {
        return largerIsBetter;
    }

    /** The points in sweep order. */
    public List<SelectionPoint> points() {
        return points;
    }

    /** The index of the chosen value in sweep order. */
    public int bestIndex() {
        requireBest();
        return bestIndex;
    }

    /** The chosen value: the best validation metric. */
    public Object bestValue() {
        requireBest();
        return points.get(bestIndex).value();
    }

    public SelectionPoint best() {
        requireBest();
        return points.get(bestIndex);
    }

    private void requireBest() {
        if (bestIndex < 0) {
            throw new IllegalStateException("no value of '" + paramName + "' has a finite validation " + metricName
                    + " (every fit diverged or the metric is undefined on these rows); check the data and the"
                    + " swept values " + labels());
        }
    }

    private List<String> labels() {
        return points.stream().map(SelectionPoint::label).toList();
    }

    /**
     * The curve as a DataFrame with columns {@code value} (int, long or double when every value is one, else the
     * value's text), {@code train} and {@code validation}, one row per swept value in sweep order.
     */
    public Dataset<Row> toDataFrame(SparkSession spark) {
        DataType valueType = commonType();
        List<Row> rows = new ArrayList<>();
        for (SelectionPoint p : points) {
            Object value = valueType.equals(DataTypes.StringType) ? p.label() : p.value();
            rows.add(RowFactory.create(value, p.train(), p.validation()));
        }
        StructType schema = new StructType().add("value", valueType, false)
                .add("train", DataTypes.DoubleType, false).add("validation", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema);
    }

    private DataType commonType() {
        if (points.stream().allMatch(p -> p.value() instanceof Integer)) {
            return DataTypes.IntegerType;
        }
        if (points.stream().allMatch(p -> p.value() instanceof Long)) {
            return DataTypes.LongType;
        }
        if (points.stream().allMatch(p -> p.value() instanceof Double)) {
            return DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    /**
     * The curve as CSV, named after the param and the metric: {@code degree,train_logLoss,validation_logLoss},
     * then one line per swept value. Numbers via {@link Double#toString} (exact, locale-free).
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(Csv.line(List.of(paramName, "train_" + metricName,
                "validation_" + metricName)));
        for (SelectionPoint p : points) {
            csv.append(Csv.line(List.of(p.label(), Double.toString(p.train()), Double.toString(p.validation()))));
        }
        return csv.toString();
    }

    /** The curve as a plot (course Fig. 10), the chosen value marked. */
    public SelectionCurvePlot plot() {
        double[] train = points.stream().mapToDouble(SelectionPoint::train).toArray();
        double[] validation = points.stream().mapToDouble(SelectionPoint::validation).toArray();
        return new SelectionCurvePlot(paramName, metricName, labels(), train, validation, bestIndex);
    }

    /** Writes {@value #CSV_FILE_NAME} and {@code model-selection.png} into {@code directory} via Hadoop FS. */
    public void write(HadoopFiles files, String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("the directory for the model-selection curve is blank; give a"
                    + " Hadoop path such as target/selection or hdfs:///reports/iris");
        }
        files.writeText(new Path(directory, CSV_FILE_NAME).toString(), toCsv());
        plot().write(files, new Path(directory, PNG_FILE_NAME).toString());
    }

    @Override
    public String toString() {
        return "SelectionResult(" + paramName + " by validation " + metricName + ": " + points
                + (bestIndex >= 0 ? ", best " + points.get(bestIndex).label() : ", no finite validation metric")
                + ")";
    }
}
