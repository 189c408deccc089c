package io.deepline.pipelines.sequence;

import io.deepline.pipelines.data.ClassLabels;
import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.SequenceLabel;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A many-to-one Transformer classifier (course §8.3): the steps are embedded (token ids) or projected (vectors) to
 * {@code modelDim} features, positional encodings are added, {@code numLayers} encoder blocks of multi-head
 * self-attention and a feed-forward network run, the outputs are pooled ({@code pooling} mean over the real steps,
 * or a learned [CLS] step) and a softmax gives the class; trained data-parallel by parameter averaging.
 *
 * <p>Input and output columns are {@link SequenceClassifier}'s: a sequence features column ({@code array<int>} token
 * ids with {@code vocabularySize} set, {@code array<array<double>>} time × features, or {@code array<double>}) and a
 * 0-based class-index label; MLlib's {@code rawPrediction} (log class probabilities), {@code probability} and
 * {@code prediction}. Attention costs T² per sequence, so long texts want {@code maxSequenceLength}.
 *
 * <pre>{@code
 * TransformerClassifier clf = new TransformerClassifier().setFeaturesCol("ids")
 *     .setVocabularySize(indexer.vocabularySize()).setModelDim(32).setNumHeads(4).setNumLayers(2)
 *     .setMaxSequenceLength(100).setMaxEpochs(5);
 * }</pre>
 */
public class TransformerClassifier
        extends ProbabilisticClassifier<Object, TransformerClassifier, TransformerClassificationModel>
        implements HasTrainingListener, HasTransformerClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TransformerClassifierParamSet params;
    private final TrainingParamSet trainingParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    public TransformerClassifier() {
        this(Identifiable$.MODULE$.randomUID("transformerClassifier"));
    }

    public TransformerClassifier(String uid) {
        this(StageUid.stash(uid));
    }

    private TransformerClassifier(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.params = new TransformerClassifierParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        setTransformerClassifierDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public TransformerClassifierParamSet transformerClassifierParams() {
        return params;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    // ---- setters (fluent, as MLlib's) ----

    public TransformerClassifier setModelDim(int value) {
        return (TransformerClassifier) set(modelDim(), value);
    }

    public TransformerClassifier setNumHeads(int value) {
        return (TransformerClassifier) set(numHeads(), value);
    }

    public TransformerClassifier setFfDim(int value) {
        return (TransformerClassifier) set(ffDim(), value);
    }

    public TransformerClassifier setNumLayers(int value) {
        return (TransformerClassifier) set(numLayers(), value);
    }

    public TransformerClassifier setPreNorm(boolean value) {
        return (TransformerClassifier) set(preNorm(), value);
    }

    public TransformerClassifier setPooling(String value) {
        return (TransformerClassifier) set(pooling(), value);
    }

    public TransformerClassifier setDropout(double value) {
        return (TransformerClassifier) set(dropout(), value);
    }

    public TransformerClassifier setL2(double value) {
        return (TransformerClassifier) set(l2(), value);
    }

    public TransformerClassifier setWeightInit(String value) {
        return (TransformerClassifier) set(weightInit(), value);
    }

    public TransformerClassifier setVocabularySize(int value) {
        return (TransformerClassifier) set(vocabularySize(), value);
    }

    public TransformerClassifier setMaxSequenceLength(int value) {
        return (TransformerClassifier) set(maxSequenceLength(), value);
    }

    public TransformerClassifier setTruncate(String value) {
        return (TransformerClassifier) set(truncate(), value);
    }

    public TransformerClassifier setSortByLength(boolean value) {
        return (TransformerClassifier) set(sortByLength(), value);
    }

    public TransformerClassifier setUpdater(String value) {
        return (TransformerClassifier) set(updater(), value);
    }

    public TransformerClassifier setLearningRate(double value) {
        return (TransformerClassifier) set(learningRate(), value);
    }

    public TransformerClassifier setMomentum(double value) {
        return (TransformerClassifier) set(momentum(), value);
    }

    public TransformerClassifier setLrSchedule(String value) {
        return (TransformerClassifier) set(lrSchedule(), value);
    }

    public TransformerClassifier setBatchSize(int value) {
        return (TransformerClassifier) set(batchSize(), value);
    }

    public TransformerClassifier setMaxEpochs(int value) {
        return (TransformerClassifier) set(maxEpochs(), value);
    }

    public TransformerClassifier setSeed(long value) {
        return (TransformerClassifier) set(seed(), value);
    }

    public TransformerClassifier setNumWorkers(int value) {
        return (TransformerClassifier) set(numWorkers(), value);
    }

    public TransformerClassifier setAveragingFrequency(int value) {
        return (TransformerClassifier) set(averagingFrequency(), value);
    }

    public TransformerClassifier setInferenceBatchSize(int value) {
        return (TransformerClassifier) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public TransformerClassifier setCheckpointDir(String value) {
        return (TransformerClassifier) set(checkpointDir(), value);
    }

    public TransformerClassifier setCheckpointInterval(int value) {
        return (TransformerClassifier) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public TransformerClassifier setCheckpointMode(String value) {
        return (TransformerClassifier) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public TransformerClassifier setDivergenceFactor(double value) {
        return (TransformerClassifier) set(divergenceFactor(), value);
    }

    public TransformerClassifier setSyncMode(String value) {
        return (TransformerClassifier) set(syncMode(), value);
    }

    public TransformerClassifier setMaxEpochRetries(int value) {
        return (TransformerClassifier) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public TransformerClassifier setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceInput input = SequenceInput.of(schema, getFeaturesCol(), getVocabularySize());
        SequenceSchemas.requireLabel(schema, getLabelCol(), SequenceLabel.PER_SEQUENCE, "TransformerClassifier");
        toTransformerSpec(input); // bad sizes (numHeads not dividing modelDim) fail here, before any job
        return SequenceSchemas.withClassifierColumns(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), -1);
    }

    @Override
    public TransformerClassificationModel train(Dataset<?> dataset) {
        SequenceFitting.Fitted fitted = SequenceFitting.fit(this, "TransformerClassifier", dataset, getFeaturesCol(),
                getLabelCol(), new SequenceFitting.Task(SequenceLabel.PER_SEQUENCE, true),
                input -> toTransformerSpec(input)::initialState,
                ClassLabels.declaredNumClasses(dataset.schema().apply(getLabelCol())), listener);
        return new TransformerClassificationModel(uid(), fitted.network(), fitted.input(),
                fitted.data().target().width());
    }

    @Override
    public TransformerClassifier copy(ParamMap extra) {
        TransformerClassifier copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<TransformerClassifier> read() {
        return ParamsOnlyPersistence.reader(TransformerClassifier.class);
    }

    public static TransformerClassifier load(String path) {
        return read().load(path);
    }
}
