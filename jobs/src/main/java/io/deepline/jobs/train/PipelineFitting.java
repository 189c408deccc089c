package io.deepline.jobs.train;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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

    /** Writes extra files (tables, plots) into the report folder, after the model is saved. */
    default void writeReportFiles(String reportDir, Configuration hadoopConf) {
    }
}
