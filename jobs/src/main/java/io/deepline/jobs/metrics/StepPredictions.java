package io.deepline.jobs.metrics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A tagger's scored sequences as one row per step, so the per-row classification metrics count steps. Steps are
 * paired by position ({@code zip_with}); a step with no label or no prediction (arrays of different lengths) is
 * not counted. Runs as a Spark transformation: nothing is collected.
 */
public final class StepPredictions {

    private StepPredictions() {
    }

    /** Rows of {@code (labelColumn, predictionColumn)} doubles, one per labelled, predicted step. */
    public static Dataset<Row> of(Dataset<Row> scored, String labelColumn, String predictionColumn) {
        // zip_with pads the shorter array with nulls, as arrays_zip does, but names the struct's fields itself.
        Column pairs = functions.zip_with(functions.col(labelColumn), functions.col(predictionColumn),
                (l, p) -> functions.struct(l.cast("double").as("label"), p.cast("double").as("prediction")));
        return scored.select(functions.explode(pairs).as("step"))
                .select(functions.col("step.label").as(labelColumn),
                        functions.col("step.prediction").as(predictionColumn))
                .where(functions.col(labelColumn).isNotNull().and(functions.col(predictionColumn).isNotNull()));
    }
}
