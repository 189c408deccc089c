package io.deepline.jobs.train;

import java.util.Map;
import io.deepline.pipelines.report.ReportFolder;
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

    /** A summary for the metrics file's {@code tuning} key; empty when there was no tuning. */
    default Map<String, Object> summary() {
        return Map.of();
    }

    /** Adds this fitting's own tables and plots to the job's report folder. */
    default ReportFolder addToReport(ReportFolder folder) {
        return folder;
    }
}
