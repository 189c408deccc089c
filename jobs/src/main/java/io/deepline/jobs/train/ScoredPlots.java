package io.deepline.jobs.train;

import io.deepline.jobs.model.ModelFactory;
import io.deepline.pipelines.eval.ProbabilityCurves;
import io.deepline.pipelines.eval.RegressionSample;
import io.deepline.pipelines.tools.report.ReportFolder;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's plots of the scored test rows: a classifier with class probabilities gets ROC, precision-recall and
 * calibration curves (one vs rest up to {@value #MAX_CLASSES_WITH_CURVES} classes), a regressor predicted vs actual
 * and residuals. The test rows are scored once more for this, in one aggregation (curves) or one sample
 * (regression); models whose columns are not of those shapes (sequences, taggers) get none.
 */
final class ScoredPlots {
    private static final Logger LOG = LoggerFactory.getLogger(ScoredPlots.class);

    /** Up to this many classes the one-vs-rest curves stay readable. */
    static final int MAX_CLASSES_WITH_CURVES = 10;

    private ScoredPlots() {
    }

    static ReportFolder add(ReportFolder folder, ModelFactory factory, TrainingPipeline plan, PipelineModel fitted,
                            Dataset<Row> testRows, long testCount, long seed) {
        if (!factory.supervised() || testCount == 0) {
            return folder;
        }
        Dataset<Row> scored = fitted.transform(testRows);
        StructType schema = scored.schema();
        if (factory.classifies()) {
            String probability = plan.probabilityColumn();
            if (probability != null && hasType(schema, probability, true) && hasType(schema, plan.labelColumn(), false)) {
                ProbabilityCurves.of(scored, plan.labelColumn(), probability, MAX_CLASSES_WITH_CURVES)
                        .ifPresentOrElse(folder::withProbabilityCurves, () -> LOG.info("No ROC, precision-recall or"
                                + " calibration plot: more than {} classes", MAX_CLASSES_WITH_CURVES));
            }
        } else if (hasType(schema, plan.labelColumn(), false) && hasType(schema, plan.predictionColumn(), false)) {
            folder.withRegressionSample(RegressionSample.of(scored, plan.labelColumn(), plan.predictionColumn(),
                    testCount, RegressionSample.DEFAULT_MAX, seed));
        }
        return folder;
    }

    /** Whether the column exists and holds vectors ({@code vector}) or plain numbers. */
    private static boolean hasType(StructType schema, String column, boolean vector) {
        if (column == null || !java.util.Arrays.asList(schema.fieldNames()).contains(column)) {
            return false;
        }
        return vector ? schema.apply(column).dataType().equals(SQLDataTypes.VectorType())
                : schema.apply(column).dataType() instanceof NumericType;
    }
}
