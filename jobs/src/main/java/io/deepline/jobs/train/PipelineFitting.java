package io.deepline.jobs.train;

import java.util.Map;
import io.deepline.pipelines.tools.report.ReportFolder;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a job turns its pipeline and training rows into a fitted {@code PipelineModel}: {@code train} fits once,
 * {@code tune} cross-validates a grid and refits the best candidate. Everything around it (reading, splitting,
 * testing, saving, metrics, report) is the same {@link TrainJob}.
 */
public interface PipelineFitting {

    /** Plain {@code Pipeline.fit}. */
    PipelineFitting SINGLE_FIT = (plan, train) -> plan.pipeline().fit(train);

    PipelineModel fit(TrainingPipeline plan, Dataset<Row> train);

    /**
     * Fits with every split at hand; by default on the training rows alone. A fitting that reads the validation
     * rows (a model-selection curve) overrides this.
     *
     * @param plan the pipeline to fit (its vocabulary, if any, already fitted on the training rows)
     */
    default PipelineModel fit(TrainingPipeline plan, SplitData data) {
        return fit(plan, data.train());
    }

    /** A summary for the metrics file's {@code tuning} key; empty when there was no tuning. */
    default Map<String, Object> summary() {
        return Map.of();
    }

    /** Adds this fitting's own tables and plots to the job's report folder. */
    default ReportFolder addToReport(ReportFolder folder) {
        return folder;
    }
}
