package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import java.util.OptionalInt;
import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.SequenceLabel;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * An aligned many-to-many recurrent classifier (course §7.2): one class per step, e.g. a part-of-speech or entity
 * tag for every token, from the recurrent state at that step, trained data-parallel by parameter averaging.
 * Padded steps carry no loss.
 *
 * <p>Input: a sequence features column ({@code array<array<double>>}, {@code array<int>} token ids with
 * {@code vocabularySize} set, or {@code array<double>}) and an {@code array<double>} label column with a 0-based
 * class for every step. Output: {@code array<double>} predicted classes, as long as the input sequence
 * ({@code maxSequenceLength} cuts training sequences only; scoring reads whole sequences).
 */
public class SequenceTagger extends Estimator<SequenceTaggerModel>
        implements HasTrainingListener, HasSequenceParams, ColumnParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private transient TrainingListener listener = TrainingListener.NONE;

    public SequenceTagger() {
        this(Identifiable$.MODULE$.randomUID("sequenceTagger"));
    }

    public SequenceTagger(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceTagger(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        Param<String>[] columns = ColumnParams.forTagger(this);
        this.featuresCol = columns[0];
        this.labelCol = columns[1];
        this.predictionCol = columns[2];
        setSequenceDefaults();
        setTrainingDefaults();
        setColumnDefaults();
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

    // ---- setters (fluent, as MLlib's) ----

    public SequenceTagger setCell(String value) {
        return (SequenceTagger) set(cell(), value);
    }

    public SequenceTagger setHiddenSize(int value) {
        return (SequenceTagger) set(hiddenSize(), value);
    }

    public SequenceTagger setNumLayers(int value) {
        return (SequenceTagger) set(numLayers(), value);
    }

    public SequenceTagger setBidirectional(boolean value) {
        return (SequenceTagger) set(bidirectional(), value);
    }

    public SequenceTagger setDropout(double value) {
        return (SequenceTagger) set(dropout(), value);
    }

    public SequenceTagger setL2(double value) {
        return (SequenceTagger) set(l2(), value);
    }

    public SequenceTagger setWeightInit(String value) {
        return (SequenceTagger) set(weightInit(), value);
    }

    public SequenceTagger setVocabularySize(int value) {
        return (SequenceTagger) set(vocabularySize(), value);
    }

    public SequenceTagger setEmbeddingSize(int value) {
        return (SequenceTagger) set(embeddingSize(), value);
    }

    public SequenceTagger setMaxSequenceLength(int value) {
        return (SequenceTagger) set(maxSequenceLength(), value);
    }

    public SequenceTagger setTruncate(String value) {
        return (SequenceTagger) set(truncate(), value);
    }

    public SequenceTagger setSortByLength(boolean value) {
        return (SequenceTagger) set(sortByLength(), value);
    }

    public SequenceTagger setFeaturesCol(String value) {
        return (SequenceTagger) set(featuresCol, value);
    }

    public SequenceTagger setLabelCol(String value) {
        return (SequenceTagger) set(labelCol, value);
    }

    public SequenceTagger setPredictionCol(String value) {
        return (SequenceTagger) set(predictionCol, value);
    }

    public SequenceTagger setUpdater(String value) {
        return (SequenceTagger) set(updater(), value);
    }

    public SequenceTagger setLearningRate(double value) {
        return (SequenceTagger) set(learningRate(), value);
    }

    public SequenceTagger setMomentum(double value) {
        return (SequenceTagger) set(momentum(), value);
    }

    public SequenceTagger setLrSchedule(String value) {
        return (SequenceTagger) set(lrSchedule(), value);
    }

    public SequenceTagger setBatchSize(int value) {
        return (SequenceTagger) set(batchSize(), value);
    }

    public SequenceTagger setMaxEpochs(int value) {
        return (SequenceTagger) set(maxEpochs(), value);
    }

    public SequenceTagger setSeed(long value) {
        return (SequenceTagger) set(seed(), value);
    }

    public SequenceTagger setNumWorkers(int value) {
        return (SequenceTagger) set(numWorkers(), value);
    }

    public SequenceTagger setAveragingFrequency(int value) {
        return (SequenceTagger) set(averagingFrequency(), value);
    }

    public SequenceTagger setInferenceBatchSize(int value) {
        return (SequenceTagger) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public SequenceTagger setCheckpointDir(String value) {
        return (SequenceTagger) set(checkpointDir(), value);
    }

    public SequenceTagger setCheckpointInterval(int value) {
        return (SequenceTagger) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public SequenceTagger setCheckpointMode(String value) {
        return (SequenceTagger) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public SequenceTagger setDivergenceFactor(double value) {
        return (SequenceTagger) set(divergenceFactor(), value);
    }

    public SequenceTagger setSyncMode(String value) {
        return (SequenceTagger) set(syncMode(), value);
    }

    public SequenceTagger setMaxEpochRetries(int value) {
        return (SequenceTagger) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public SequenceTagger setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_STEP, "SequenceTagger");
        return SequenceSchemas.withStepPredictions(schema, getPredictionCol());
    }

    @Override
    public SequenceTaggerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "SequenceTagger", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_STEP, true),
                NetworkBlueprint.recurrent(this, SequenceOutput.PER_STEP, SequencePooling.LAST), OptionalInt.empty(),
                listener);
        SequenceTaggerModel model = new SequenceTaggerModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    @Override
    public SequenceTagger copy(ParamMap extra) {
        SequenceTagger copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<SequenceTagger> read() {
        return ParamsOnlyPersistence.reader(SequenceTagger.class);
    }

    public static SequenceTagger load(String path) {
        return read().load(path);
    }
}
