package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.SplitSection;
import io.deepline.jobs.model.ConfiguredModel;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's data, read, checked against the model (missing values refused or dropped, {@link NullRows}) and split
 * into persisted training and test rows ({@link HoldoutRows}). {@code train}, {@code evaluate} and {@code retrain}
 * all start here, so the same job file gives them the same test rows; and since a row's split depends on the row
 * alone, a row keeps it as the data grows from one retrain to the next.
 *
 * <p>Close it to unpersist the splits.
 */
public final class SplitData implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SplitData.class);

    private final TrainingPipeline plan;
    private final InputSchema input;
    private final Dataset<Row> train;
    private final Dataset<Row> test;
    private final long trainRows;
    private final long testRows;
    private final long droppedNullRows;

    private SplitData(TrainingPipeline plan, InputSchema input, Dataset<Row> train, Dataset<Row> test,
                      long trainRows, long testRows, long droppedNullRows) {
        this.plan = plan;
        this.input = input;
        this.train = train;
        this.test = test;
        this.trainRows = trainRows;
        this.testRows = testRows;
        this.droppedNullRows = droppedNullRows;
    }

    /**
     * Reads {@code config.data()}, resolves its columns, plans the pipeline around {@code model}'s estimator and
     * splits the rows.
     *
     * @throws JobConfigException for a missing path or column, data without rows or with a malformed record, a label
     *                            the model cannot learn, or an empty split
     */
    public static SplitData prepare(SparkSession spark, JobConfig config, ConfiguredModel model) {
        LOG.info("Reading {} data from {}", config.data().format().sourceName(), config.data().path());
        long reading = System.nanoTime();
        Dataset<Row> data = DataReader.read(spark, config.data());
        LOG.info(String.format(Locale.ROOT, "Read the schema (%d columns) in %.1f s", data.schema().size(),
                (System.nanoTime() - reading) / 1e9));
        SplitSection split = config.split();
        StructType schema = HoldoutRows.modelSchema(data.schema(), split);
        InputSchema input = InputSchema.resolve(schema, config.data());
        if (model.factory().supervised()) {
            TrainJob.requireLabelFits(model.factory(), schema, input.label());
        }
        TrainingPipeline plan = TrainingPipeline.build(schema, input, config.preprocess(), model.estimator(),
                model.factory().classifies());

        // The null check is the first full read: a malformed CSV record fails there (see DataReader). It also counts
        // the split's rows in its pass, so the split itself reads nothing.
        List<Column> counted = HoldoutRows.counted(data.schema(), split, input);
        return MalformedRecords.reported(spark, config.data().path(), "data.path", () -> split(plan, input,
                NullRows.check(data, input, config.data().dropNulls(), config.preprocess(), counted), split));
    }

    private static SplitData split(TrainingPipeline plan, InputSchema input, NullRows nulls, SplitSection split) {
        HoldoutRows.Parts parts = HoldoutRows.split(nulls, split, input);
        long trainRows = parts.trainRows();
        long testRows = parts.testRows();
        if (trainRows == 0 || testRows == 0) {
            if (trainRows + testRows == 0) {
                // DataReader refused data without rows, so data.dropNulls dropped them all.
                throw new JobConfigException("data.dropNulls", "dropped every row (" + nulls.dropped() + "): each"
                        + " has a null or NaN in a column the job uses, so no rows are left", "Fill the nulls, or check"
                        + " that data.label and data.features name the columns you mean");
            }
            throw new JobConfigException("split", "the " + (trainRows == 0 ? "training" : "test")
                    + " split is empty (" + (trainRows + testRows) + " rows in all)",
                    split.holdoutColumn() == null ? "Use more data, or fractions that leave rows in both splits"
                            : "Mark some rows of split.holdoutColumn true and some false");
        }
        // Both splits are read more than once (fitting the feature stages, training, scoring); the first of those
        // reads fills the cache.
        Dataset<Row> train = parts.train().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> test = parts.test().persist(StorageLevel.MEMORY_AND_DISK());
        LOG.info("Split {} rows into {} training and {} test rows", trainRows + testRows, trainRows, testRows);
        return new SplitData(plan, input, train, test, trainRows, testRows, nulls.dropped());
    }

    /** The unfitted pipeline and the columns it reads and writes. */
    public TrainingPipeline plan() {
        return plan;
    }

    /** The data's label and input columns, as the job file names them. */
    public InputSchema input() {
        return input;
    }

    public Dataset<Row> train() {
        return train;
    }

    public Dataset<Row> test() {
        return test;
    }

    public long trainRows() {
        return trainRows;
    }

    public long testRows() {
        return testRows;
    }

    /** Rows left out before the split for a null in a column the job uses ({@code data.dropNulls}). */
    public long droppedNullRows() {
        return droppedNullRows;
    }

    @Override
    public void close() {
        train.unpersist();
        test.unpersist();
    }
}
