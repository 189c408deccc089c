package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequenceOutput;
import io.deepline.pipelines.data.ClassLabels;
import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.SequenceLabel;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A many-to-one recurrent classifier (course §7.2): one class per sequence, read from the recurrent states pooled
 * over the real steps ({@code pooling} last, mean or max), trained data-parallel by parameter averaging.
 *
 * <p>Input: a sequence features column ({@code array<array<double>>} time × features, {@code array<int>} token
 * ids with {@code vocabularySize} set, or {@code array<double>}) and a 0-based class-index label. Output: MLlib's
 * {@code rawPrediction} (log class probabilities), {@code probability} and {@code prediction}.
 *
 * <pre>{@code
 * SequenceClassifier clf = new SequenceClassifier().setFeaturesCol("ids").setVocabularySize(indexer.vocabularySize())
 *     .setCell("lstm").setHiddenSize(64).setPooling("max").setMaxSequenceLength(200).setMaxEpochs(5);
 * }</pre>
 */
public class SequenceClassifier extends ProbabilisticClassifier<Object, SequenceClassifier, SequenceClassificationModel>
        implements HasTrainingListener, HasSequenceParams, SequencePoolingParam, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> pooling;
    private transient TrainingListener listener = TrainingListener.NONE;

    public SequenceClassifier() {
        this(Identifiable$.MODULE$.randomUID("sequenceClassifier"));
    }

    public SequenceClassifier(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceClassifier(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setTrainingDefaults();
        setDefault(pooling, "last");
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
    public Param<String> pooling() {
        return pooling;
    }

    // ---- setters (fluent, as MLlib's) ----

    public SequenceClassifier setCell(String value) {
        return (SequenceClassifier) set(cell(), value);
    }

    public SequenceClassifier setHiddenSize(int value) {
        return (SequenceClassifier) set(hiddenSize(), value);
    }

    public SequenceClassifier setNumLayers(int value) {
        return (SequenceClassifier) set(numLayers(), value);
    }

    public SequenceClassifier setBidirectional(boolean value) {
        return (SequenceClassifier) set(bidirectional(), value);
    }

    public SequenceClassifier setDropout(double value) {
        return (SequenceClassifier) set(dropout(), value);
    }

    public SequenceClassifier setL2(double value) {
        return (SequenceClassifier) set(l2(), value);
    }

    public SequenceClassifier setWeightInit(String value) {
        return (SequenceClassifier) set(weightInit(), value);
    }

    public SequenceClassifier setVocabularySize(int value) {
        return (SequenceClassifier) set(vocabularySize(), value);
    }

    public SequenceClassifier setEmbeddingSize(int value) {
        return (SequenceClassifier) set(embeddingSize(), value);
    }

    public SequenceClassifier setMaxSequenceLength(int value) {
        return (SequenceClassifier) set(maxSequenceLength(), value);
    }

    public SequenceClassifier setTruncate(String value) {
        return (SequenceClassifier) set(truncate(), value);
    }

    public SequenceClassifier setSortByLength(boolean value) {
        return (SequenceClassifier) set(sortByLength(), value);
    }

    public SequenceClassifier setPooling(String value) {
        return (SequenceClassifier) set(pooling, value);
    }

    public SequenceClassifier setUpdater(String value) {
        return (SequenceClassifier) set(updater(), value);
    }

    public SequenceClassifier setLearningRate(double value) {
        return (SequenceClassifier) set(learningRate(), value);
    }

    public SequenceClassifier setMomentum(double value) {
        return (SequenceClassifier) set(momentum(), value);
    }

    public SequenceClassifier setLrSchedule(String value) {
        return (SequenceClassifier) set(lrSchedule(), value);
    }

    public SequenceClassifier setBatchSize(int value) {
        return (SequenceClassifier) set(batchSize(), value);
    }

    public SequenceClassifier setMaxEpochs(int value) {
        return (SequenceClassifier) set(maxEpochs(), value);
    }

    public SequenceClassifier setSeed(long value) {
        return (SequenceClassifier) set(seed(), value);
    }

    public SequenceClassifier setNumWorkers(int value) {
        return (SequenceClassifier) set(numWorkers(), value);
    }

    public SequenceClassifier setAveragingFrequency(int value) {
        return (SequenceClassifier) set(averagingFrequency(), value);
    }

    public SequenceClassifier setInferenceBatchSize(int value) {
        return (SequenceClassifier) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public SequenceClassifier setCheckpointDir(String value) {
        return (SequenceClassifier) set(checkpointDir(), value);
    }

    public SequenceClassifier setCheckpointInterval(int value) {
        return (SequenceClassifier) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public SequenceClassifier setCheckpointMode(String value) {
        return (SequenceClassifier) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public SequenceClassifier setDivergenceFactor(double value) {
        return (SequenceClassifier) set(divergenceFactor(), value);
    }

    public SequenceClassifier setSyncMode(String value) {
        return (SequenceClassifier) set(syncMode(), value);
    }

    public SequenceClassifier setMaxEpochRetries(int value) {
        return (SequenceClassifier) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public SequenceClassifier setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_SEQUENCE, "SequenceClassifier");
        return SequenceSchemas.withClassifierColumns(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), -1);
    }

    @Override
    public SequenceClassificationModel train(Dataset<?> dataset) {
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "SequenceClassifier", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_SEQUENCE, true),
                NetworkBlueprint.recurrent(this, SequenceOutput.MANY_TO_ONE, getSequencePooling()), ClassLabels.declaredNumClasses(dataset.schema().apply(getLabelCol())), listener);
        return new SequenceClassificationModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
    }

    @Override
    public SequenceClassifier copy(ParamMap extra) {
        SequenceClassifier copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<SequenceClassifier> read() {
        return ParamsOnlyPersistence.reader(SequenceClassifier.class);
    }

    public static SequenceClassifier load(String path) {
        return read().load(path);
    }
}
