package io.deepline.pipelines.sequence;

import io.deepline.pipelines.data.SchemaChecks;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/**
 * A one-to-many recurrent network (course §7.2): generates a sequence from a feature vector, one step at a time,
 * each step reading the vector and the previous output (see {@link GeneratorLayout}). Trained with teacher
 * forcing by parameter averaging; {@code transform} generates greedily.
 *
 * <p>Input: a {@code Vector} features column and a target column: {@code array<int>} token ids (with
 * {@code vocabularySize}; generation stops at the end token, id 3, or after {@code maxOutputLength} steps) or
 * {@code array<double>} values (generation runs {@code maxOutputLength} steps). Output: the generated
 * {@code array<int>} or {@code array<double>}. {@code bidirectional} is refused (a generator reads its own outputs
 * left to right); {@code embeddingSize} is unused (the previous token is fed one-hot).
 */
public class SequenceGenerator extends Estimator<SequenceGeneratorModel>
        implements HasTrainingListener, HasSequenceParams, ColumnParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final IntParam maxOutputLength;
    private transient TrainingListener listener = TrainingListener.NONE;

    public SequenceGenerator() {
        this(Identifiable$.MODULE$.randomUID("sequenceGenerator"));
    }

    public SequenceGenerator(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceGenerator(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        Param<String>[] columns = ColumnParams.forGenerator(this);
        this.featuresCol = columns[0];
        this.labelCol = columns[1];
        this.predictionCol = columns[2];
        setSequenceDefaults();
        setTrainingDefaults();
        this.maxOutputLength = GeneratorParams.maxOutputLength(this);
        setColumnDefaults();
        setDefault(maxOutputLength, 50);
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    @Override
    public Param<String> featuresCol() {
        return featuresCol;
    }

    @Override
    public Param<String> labelCol() {
        return labelCol;
    }

    @Override
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** Longest generated sequence, > 0 (default 50); value sequences are always this long. */
    public IntParam maxOutputLength() {
        return maxOutputLength;
    }

    public int getMaxOutputLength() {
        return (Integer) getOrDefault(maxOutputLength);
    }

    public SequenceGenerator setMaxOutputLength(int value) {
        return (SequenceGenerator) set(maxOutputLength, value);
    }

    // ---- setters (fluent, as MLlib's) ----

    public SequenceGenerator setCell(String value) {
        return (SequenceGenerator) set(cell(), value);
    }

    public SequenceGenerator setHiddenSize(int value) {
        return (SequenceGenerator) set(hiddenSize(), value);
    }

    public SequenceGenerator setNumLayers(int value) {
        return (SequenceGenerator) set(numLayers(), value);
    }

    public SequenceGenerator setBidirectional(boolean value) {
        return (SequenceGenerator) set(bidirectional(), value);
    }

    public SequenceGenerator setDropout(double value) {
        return (SequenceGenerator) set(dropout(), value);
    }

    public SequenceGenerator setL2(double value) {
        return (SequenceGenerator) set(l2(), value);
    }

    public SequenceGenerator setWeightInit(String value) {
        return (SequenceGenerator) set(weightInit(), value);
    }

    public SequenceGenerator setVocabularySize(int value) {
        return (SequenceGenerator) set(vocabularySize(), value);
    }

    public SequenceGenerator setEmbeddingSize(int value) {
        return (SequenceGenerator) set(embeddingSize(), value);
    }

    public SequenceGenerator setMaxSequenceLength(int value) {
        return (SequenceGenerator) set(maxSequenceLength(), value);
    }

    public SequenceGenerator setTruncate(String value) {
        return (SequenceGenerator) set(truncate(), value);
    }

    public SequenceGenerator setSortByLength(boolean value) {
        return (SequenceGenerator) set(sortByLength(), value);
    }

    public SequenceGenerator setFeaturesCol(String value) {
        return (SequenceGenerator) set(featuresCol, value);
    }

    public SequenceGenerator setLabelCol(String value) {
        return (SequenceGenerator) set(labelCol, value);
    }

    public SequenceGenerator setPredictionCol(String value) {
        return (SequenceGenerator) set(predictionCol, value);
    }

    public SequenceGenerator setUpdater(String value) {
        return (SequenceGenerator) set(updater(), value);
    }

    public SequenceGenerator setLearningRate(double value) {
        return (SequenceGenerator) set(learningRate(), value);
    }

    public SequenceGenerator setMomentum(double value) {
        return (SequenceGenerator) set(momentum(), value);
    }

    public SequenceGenerator setLrSchedule(String value) {
        return (SequenceGenerator) set(lrSchedule(), value);
    }

    public SequenceGenerator setBatchSize(int value) {
        return (SequenceGenerator) set(batchSize(), value);
    }

    public SequenceGenerator setMaxEpochs(int value) {
        return (SequenceGenerator) set(maxEpochs(), value);
    }

    public SequenceGenerator setSeed(long value) {
        return (SequenceGenerator) set(seed(), value);
    }

    public SequenceGenerator setNumWorkers(int value) {
        return (SequenceGenerator) set(numWorkers(), value);
    }

    public SequenceGenerator setAveragingFrequency(int value) {
        return (SequenceGenerator) set(averagingFrequency(), value);
    }

    public SequenceGenerator setInferenceBatchSize(int value) {
        return (SequenceGenerator) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public SequenceGenerator setCheckpointDir(String value) {
        return (SequenceGenerator) set(checkpointDir(), value);
    }

    public SequenceGenerator setCheckpointInterval(int value) {
        return (SequenceGenerator) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public SequenceGenerator setCheckpointMode(String value) {
        return (SequenceGenerator) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public SequenceGenerator setDivergenceFactor(double value) {
        return (SequenceGenerator) set(divergenceFactor(), value);
    }

    public SequenceGenerator setSyncMode(String value) {
        return (SequenceGenerator) set(syncMode(), value);
    }

    public SequenceGenerator setMaxEpochRetries(int value) {
        return (SequenceGenerator) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public SequenceGenerator setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        GeneratedOutput output = GeneratedOutput.of(schema, getLabelCol(), getVocabularySize());
        return SequenceSchemas.with(schema, getPredictionCol(), "predictionCol", output.sparkType(),
                Metadata.empty());
    }

    @Override
    public SequenceGeneratorModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        GeneratorFitting.Fitted fitted = GeneratorFitting.fit(this, dataset, listener);
        return copyValues(new SequenceGeneratorModel(uid(), fitted.network(), fitted.layout()), ParamMap.empty())
                .setParent(this);
    }

    @Override
    public SequenceGenerator copy(ParamMap extra) {
        SequenceGenerator copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<SequenceGenerator> read() {
        return ParamsOnlyPersistence.reader(SequenceGenerator.class);
    }

    public static SequenceGenerator load(String path) {
        return read().load(path);
    }
}
