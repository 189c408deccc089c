package io.deepline.jobs.predict;

import io.deepline.jobs.config.PredictJobConfig;
import io.deepline.jobs.config.PredictSection;
import io.deepline.jobs.train.DataReader;
import io.deepline.jobs.train.JobSession;
import io.deepline.jobs.train.MalformedRecords;
import io.deepline.jobs.train.SavedPipeline;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deepline predict}: loads a saved PipelineModel, scores the input with it, and writes the input columns plus
 * the model's output columns atomically ({@link AtomicOutput}).
 */
public final class BatchPrediction {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPrediction.class);

    /** What a run did, for the terminal summary. */
    public record Outcome(String outputPath, long rows, List<String> addedColumns) {
        public String summary() {
            return "predicted " + rows + " rows into " + outputPath + " (added " + String.join(", ", addedColumns)
                    + ")\n";
        }
    }

    private final PredictJobConfig config;

    public BatchPrediction(PredictJobConfig config) {
        this.config = config;
    }

    public Outcome run() {
        PredictSection p = config.predict();
        try (JobSession session = JobSession.open("deepline predict " + config.name(), config.spark())) {
            SparkSession spark = session.spark();
            AtomicOutput output = new AtomicOutput(p.output(), spark.sparkContext().hadoopConfiguration());
            output.requireWritable();
            PipelineModel model = SavedPipeline.load(p.model(), "predict.model");
            Dataset<Row> input = DataReader.read(spark, p.input().path(), p.input().format(), p.input().options(),
                    "predict.input.path");
            SavedPipeline.requireInputs(model, input.schema(), "predict.input.path");
            Dataset<Row> scored = model.transform(input);
            List<String> inputColumns = Arrays.asList(input.columns());
            List<String> added = Arrays.stream(scored.columns()).filter(c -> !inputColumns.contains(c)).toList();
            LOG.info("Scoring {} with {}; writing {} to {}", p.input().path(), p.model(), added, p.output().path());
            // Writing is the first full read of the input: a malformed CSV record fails here.
            String written = MalformedRecords.reported(spark, p.input().path(), "predict.input.path",
                    () -> output.write(scored));
            long rows = spark.read().format(p.output().format()).load(written).count();
            return new Outcome(written, rows, added);
        }
    }
}
