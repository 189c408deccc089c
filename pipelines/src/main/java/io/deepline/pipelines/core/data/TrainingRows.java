package io.deepline.pipelines.core.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;

/**
 * The rows a network estimator trains on and, when asked, the rows it validates on after every epoch: columns
 * (features, label[, weight]). Validation rows come from a seeded random split ({@code validationFraction}) or from
 * a boolean column ({@code validationIndicatorCol}, true = validation, as MLlib's GBT).
 */
public final class TrainingRows {
    private static final String IS_VALIDATION = "__deepline_is_validation";

    private final Dataset<Row> labeled;
    private final Dataset<Row> training;
    private final Dataset<Row> validation;
    private final String weightCol;

    private TrainingRows(Dataset<Row> labeled, Dataset<Row> training, Dataset<Row> validation, String weightCol) {
        this.labeled = labeled;
        this.training = training;
        this.validation = validation;
        this.weightCol = weightCol;
    }

    /**
     * @param label          the label column, already cast as the estimator needs
     * @param weightCol      a numeric weight column, or null
     * @param indicatorCol   a boolean validation-indicator column, or null
     * @param fraction       the share of rows held out for validation, in [0, 1); 0 = none
     */
    public static TrainingRows select(Dataset<?> dataset, String featuresCol, Column label, String weightCol,
                                      String indicatorCol, double fraction, long seed) {
        if (indicatorCol != null && fraction > 0) {
            throw new IllegalArgumentException("both validationFraction (" + fraction + ") and validationIndicatorCol ('"
                    + indicatorCol + "') are set; choose one way to pick the validation rows");
        }
        List<Column> columns = new ArrayList<>(List.of(functions.col(featuresCol), label));
        if (weightCol != null) {
            SchemaChecks.requireNumericColumn(dataset.schema(), weightCol, "weight", "weightCol");
            columns.add(functions.col(weightCol).cast("double"));
        }
        Dataset<Row> labeled = dataset.select(columns.toArray(new Column[0]));
        if (indicatorCol != null) {
            DataType type = SchemaChecks.requireColumn(dataset.schema(), indicatorCol, "validation indicator",
                    "validationIndicatorCol");
            if (!(type instanceof BooleanType)) {
                throw new IllegalArgumentException("the validation indicator column '" + indicatorCol + "' must be"
                        + " boolean (true = validation row) but is " + type.catalogString()
                        + "; cast it, e.g. col('" + indicatorCol + "') === 1");
            }
            columns.add(functions.col(indicatorCol).as(IS_VALIDATION));
            Dataset<Row> flagged = dataset.select(columns.toArray(new Column[0]));
            requireNoNullIndicators(flagged, indicatorCol);
            return new TrainingRows(labeled,
                    flagged.filter(functions.not(functions.col(IS_VALIDATION))).drop(IS_VALIDATION),
                    flagged.filter(functions.col(IS_VALIDATION)).drop(IS_VALIDATION), weightCol);
        }
        if (fraction > 0) {
            Dataset<Row>[] parts = labeled.randomSplit(new double[] {1 - fraction, fraction}, seed);
            return new TrainingRows(labeled, parts[0], parts[1], weightCol);
        }
        return new TrainingRows(labeled, labeled, null, weightCol);
    }

    private static void requireNoNullIndicators(Dataset<Row> flagged, String indicatorCol) {
        long nulls = flagged.filter(functions.col(IS_VALIDATION).isNull()).count();
        if (nulls > 0) {
            throw new InvalidDataException("the validation indicator column '" + indicatorCol + "' has " + nulls
                    + " null value(s); mark every row true (validation) or false (training)");
        }
    }

    /** Every selected row, training and validation: (features, label[, weight]), for the one-pass data check. */
    public Dataset<Row> labeled() {
        return labeled;
    }

    public Dataset<Row> training() {
        return training;
    }

    /** The validation rows, or null when the fit has none. */
    public Dataset<Row> validation() {
        return validation;
    }

    public boolean hasValidation() {
        return validation != null;
    }

    public boolean weighted() {
        return weightCol != null;
    }

    /**
     * Checks that neither side is empty (one aggregation per side) and returns the factor that scales the
     * training weights to mean 1 (1 when unweighted). With mean-1 weights a learning rate means the same as
     * without weights, and constant weights change nothing.
     */
    public double requireNonEmptyAndWeightScale() {
        if (!hasValidation() && !weighted()) {
            // Nothing to learn that the data check's pass over all rows has not already checked: skip a Spark job.
            return 1.0;
        }
        Row train = training.agg(functions.count(functions.lit(1)),
                weighted() ? functions.avg(functions.col(training.columns()[2])) : functions.lit(1.0)).first();
        if (train.getLong(0) == 0) {
            throw new InvalidDataException(hasValidation()
                    ? "no rows are left for training after taking out the validation rows; lower validationFraction"
                    + " or mark fewer rows in validationIndicatorCol"
                    : "the training data is empty; fit needs at least one row");
        }
        if (hasValidation() && validation.isEmpty()) {
            throw new InvalidDataException("the validation split is empty; raise validationFraction or mark some"
                    + " rows true in validationIndicatorCol");
        }
        double mean = train.getDouble(1);
        if (!(mean > 0)) {
            throw new InvalidDataException("every training row has weight 0 in the column '" + weightCol
                    + "'; give some training rows a positive weight");
        }
        return 1.0 / mean;
    }
}
