package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.core.data.SchemaChecks;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;

/**
 * Every fold's metric of every grid point, which MLlib computes but keeps only as the mean ({@code avgMetrics}).
 *
 * <p>It repeats MLlib's evaluation exactly: with a fold column, CrossValidator validates fold i on
 * {@code data.filter(foldCol == i).drop(foldCol)} and scores it with {@code subModels[i][m].transform(rows,
 * paramMap m)}; so does this, on the same DataFrame, with the same evaluator. Pass the DataFrame the
 * CrossValidator was fit on (persisted, so both read the same partitions).
 */
final class FoldMetrics {
    private final CrossValidatorModel model;
    private final Dataset<Row> data;

    /** Checks that {@code model} kept its fold models and fold column, and that {@code data} has that column. */
    FoldMetrics(CrossValidatorModel model, Dataset<?> data) {
        if (!model.hasSubModels()) {
            throw new IllegalArgumentException("per-fold metrics need the fold models: fit the CrossValidator with"
                    + " setCollectSubModels(true), or report only the means with CrossValidationReport.of(model)");
        }
        String foldCol = model.getFoldCol();
        if (foldCol.isEmpty()) {
            throw new IllegalArgumentException("per-fold metrics need the folds, and MLlib's random folds cannot be"
                    + " rebuilt exactly: fit the CrossValidator with setFoldCol (e.g. a column from"
                    + " DataSplits.folds(k).withSplitIndex), or report only the means with"
                    + " CrossValidationReport.of(model)");
        }
        DataType type = SchemaChecks.requireColumn(data.schema(), foldCol, "fold", "the CrossValidator's foldCol");
        if (!(type instanceof IntegerType)) {
            throw new IllegalArgumentException("the fold column '" + foldCol + "' must be int, as CrossValidator"
                    + " requires, but is " + type.catalogString());
        }
        this.model = model;
        this.data = data.toDF();
    }

    /** The metric of grid point {@code m} on each fold, in fold order. */
    double[] of(int m) {
        String foldCol = model.getFoldCol();
        Model<?>[][] subModels = model.subModels();
        ParamMap paramMap = model.getEstimatorParamMaps()[m];
        Evaluator evaluator = model.getEvaluator();
        double[] metrics = new double[model.getNumFolds()];
        for (int i = 0; i < metrics.length; i++) {
            Dataset<Row> validation = data.filter(functions.col(SplitAssigner.quoted(foldCol)).equalTo(i))
                    .drop(foldCol);
            metrics[i] = evaluator.evaluate(subModels[i][m].transform(validation, paramMap));
        }
        return metrics;
    }
}
