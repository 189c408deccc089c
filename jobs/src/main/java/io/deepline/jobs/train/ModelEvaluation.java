package io.deepline.jobs.train;

import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.jobs.model.ModelFactory;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores rows with a fitted pipeline and computes the model type's test metrics: the one evaluation that
 * {@code train}, {@code evaluate} and {@code retrain} (for the challenger and the champion alike) share.
 */
public final class ModelEvaluation {

    private ModelEvaluation() {
    }

    /**
     * @param factory the job's model type, which decides the metrics
     * @param plan    the columns the pipeline reads and writes (label, prediction, probability)
     * @param fitted  a fitted pipeline of that type, just trained or loaded
     * @param rows    labelled rows for supervised types, any rows of the input's schema otherwise
     */
    public static TestMetrics evaluate(ModelFactory factory, TrainingPipeline plan, PipelineModel fitted,
                                       Dataset<Row> rows) {
        Dataset<Row> scored = fitted.transform(rows);
        return factory.supervised()
                ? factory.evaluate(scored, plan.labelColumn(), plan.predictionColumn(), plan.probabilityColumn())
                : factory.evaluateUnsupervised(scored, lastStage(fitted));
    }

    /** The model stage of a job's pipeline: the last one, after the feature stages. */
    public static Transformer lastStage(PipelineModel fitted) {
        return fitted.stages()[fitted.stages().length - 1];
    }

    /**
     * The class names of a text label, from the label's own indexer (the one writing
     * {@link TrainingPipeline#INDEXED_LABEL}), or null for numeric class labels. The pipeline may hold other
     * StringIndexers, such as the one of the {@code data.categorical} feature columns: their categories are not
     * classes.
     */
    public static String[] classNames(PipelineModel fitted) {
        for (Transformer stage : fitted.stages()) {
            if (stage instanceof StringIndexerModel indexer && indexer.isSet(indexer.outputCol())
                    && TrainingPipeline.INDEXED_LABEL.equals(indexer.getOutputCol())) {
                return indexer.labelsArray()[0];
            }
        }
        return null;
    }
}
