package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.SplitSection;
import io.deepline.jobs.model.ConfiguredModel;
import io.deepline.pipelines.tools.selection.Splits;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's data, read, checked against the model (missing values refused or dropped, {@link NullRows}) and split
 * into persisted training, validation (with {@code split.validation}) and test rows. {@code train},
 * {@code evaluate}, {@code tune} and {@code retrain} all start here, so the same job file gives them the same test
 * rows on the same data.
 *
 * <p>The split is exact ({@link ExactSplit}), unless the job file has a registry section or a holdout column: then
 * a row's split depends on the row alone ({@link HoldoutRows}), so a row keeps it as the data grows from one
 * retrain to the next. The training rows carry the row weights the job asks for ({@link RowWeights}).
 *
 * <p>Close it to unpersist the splits.
 */
public final class SplitData implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SplitData.class);

    private final TrainingPipeline plan;
    private final InputSchema input;
    private final Dataset<Row> train;
    private final Dataset<Row> validation;
    private final Dataset<Row> test;
    private final long trainRows;
    private final long validationRows;
    private final long testRows;
    private final long droppedNullRows;

    private SplitData(TrainingPipeline plan, InputSchema input, Dataset<Row> train, Dataset<Row> validation,
                      Dataset<Row> test, long[] rows, long droppedNullRows) {
        this.plan = plan;
        this.input = input;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.trainRows = rows[0];
        this.validationRows = rows[1];
        this.testRows = rows[2];
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
        RowWeights weights = RowWeights.of(config.data());
        String rowWeight = weights.rowWeightColumn();
        if (rowWeight != null) {
            List<String> available = List.of(schema.fieldNames());
            weights.requireColumn(available, available.contains(rowWeight) ? schema.apply(rowWeight).dataType()
                    : null);
        }
        // The weight column only scales the loss: "every column but the label" leaves it out of the features.
        InputSchema input = InputSchema.resolve(without(schema, rowWeight), config.data());
        if (model.factory().supervised()) {
            TrainJob.requireLabelFits(model.factory(), schema, input.label());
        }
        if (split.stratified() && (!model.factory().classifies() || input.label() == null)) {
            throw new JobConfigException("split.stratified", "keeps the proportions of the label's classes, but "
                    + model.factory().type() + " predicts no classes", "Remove split.stratified");
        }
        TrainingPipeline plan = TrainingPipeline.build(schema, input, config.preprocess(), model.estimator(),
                model.factory().classifies(), weights.column());

        boolean exact = split.holdoutColumn() == null && config.registry() == null;
        // The null check is the first full read: a malformed CSV record fails there (see DataReader). For the
        // row-by-row split it also counts the split's rows in its pass, so the split itself reads nothing.
        List<Column> counted = exact ? List.of() : HoldoutRows.counted(data.schema(), split, input);
        return MalformedRecords.reported(spark, config.data().path(), "data.path", () -> {
            NullRows nulls = NullRows.check(data, input, config.data().dropNulls(), config.preprocess(), counted);
            if (nulls.keptRows() == 0) {
                // DataReader refused data without rows, so data.dropNulls dropped them all.
                throw new JobConfigException("data.dropNulls", "dropped every row (" + nulls.dropped() + "): each"
                        + " has a null or NaN in a column the job uses, so no rows are left", "Fill the nulls, or"
                        + " check that data.label and data.features name the columns you mean");
            }
            return exact ? exactSplit(plan, input, nulls, split, weights)
                    : rowByRowSplit(plan, input, nulls, split, weights);
        });
    }

    private static SplitData exactSplit(TrainingPipeline plan, InputSchema input, NullRows nulls, SplitSection split,
                                        RowWeights weights) {
        Splits parts = ExactSplit.split(nulls.kept(), split, split.stratified() ? input.label() : null);
        Dataset<Row> validation = split.validates() ? parts.get(ExactSplit.VALIDATION) : null;
        long[] rows = {parts.count(ExactSplit.TRAIN), split.validates() ? parts.count(ExactSplit.VALIDATION) : 0,
                parts.count(ExactSplit.TEST)};
        return persisted(plan, input, parts.get(ExactSplit.TRAIN), validation, parts.get(ExactSplit.TEST), rows,
                nulls.dropped(), weights);
    }

    private static SplitData rowByRowSplit(TrainingPipeline plan, InputSchema input, NullRows nulls,
                                           SplitSection split, RowWeights weights) {
        HoldoutRows.Parts parts = HoldoutRows.split(nulls, split, input);
        long trainRows = parts.trainRows();
        long testRows = parts.testRows();
        if (trainRows == 0 || testRows == 0) {
            throw new JobConfigException("split", "the " + (trainRows == 0 ? "training" : "test")
                    + " split is empty (" + (trainRows + testRows) + " rows in all)",
                    split.holdoutColumn() == null ? "Use more data, or fractions that leave rows in both splits"
                            : "Mark some rows of split.holdoutColumn true and some false");
        }
        return persisted(plan, input, parts.train(), null, parts.test(), new long[] {trainRows, 0, testRows},
                nulls.dropped(), weights);
    }

    /** Weighs the training (and validation) rows and persists every split. */
    private static SplitData persisted(TrainingPipeline plan, InputSchema input, Dataset<Row> train,
                                       Dataset<Row> validation, Dataset<Row> test, long[] rows, long dropped,
                                       RowWeights weights) {
        // From the training rows only: the test rows must not shape the training.
        Map<Object, Double> classWeights = weights.classWeights(train, input.label());
        if (!classWeights.isEmpty()) {
            LOG.info("Balanced class weights of the training rows: {}", classWeights);
        }
        // Every split is read more than once (fitting the feature stages, training, scoring); the first of those
        // reads fills the cache.
        Dataset<Row> weighted = weights.apply(train, input.label(), classWeights)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> weightedValidation = validation == null ? null
                : weights.apply(validation, input.label(), classWeights).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> persistedTest = test.persist(StorageLevel.MEMORY_AND_DISK());
        LOG.info("Split {} rows into {} training, {}{} test rows", rows[0] + rows[1] + rows[2], rows[0],
                validation == null ? "" : rows[1] + " validation and ", rows[2]);
        return new SplitData(plan, input, weighted, weightedValidation, persistedTest, rows, dropped);
    }

    /** {@code schema} without column {@code name} (null: unchanged). */
    private static StructType without(StructType schema, String name) {
        return name == null ? schema : new StructType(Arrays.stream(schema.fields())
                .filter(f -> !f.name().equals(name)).toArray(StructField[]::new));
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

    /** The validation rows ({@code split.validation}), or null when the job sets none aside. */
    public Dataset<Row> validation() {
        return validation;
    }

    public Dataset<Row> test() {
        return test;
    }

    public long trainRows() {
        return trainRows;
    }

    /** Rows in the validation split; 0 when there is none. */
    public long validationRows() {
        return validationRows;
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
        if (validation != null) {
            validation.unpersist();
        }
        test.unpersist();
    }
}
