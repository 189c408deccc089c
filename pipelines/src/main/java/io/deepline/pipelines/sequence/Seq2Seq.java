package io.deepline.pipelines.sequence;

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
 * An unaligned sequence-to-sequence model (course §7.3, §8.2): a recurrent encoder reads the source tokens, and an
 * attentive GRU decoder emits the target tokens, its context c_t' = Σ_t α(s_{t'−1}, h_t) h_t (eq. 36) taken over
 * the real source steps ({@code context} = last fixes it to h_T instead, the bottleneck baseline). Trained with
 * teacher forcing by parameter averaging; {@code transform} decodes greedily up to the end token or
 * {@code maxOutputLength} tokens.
 *
 * <p>With {@code architecture} = transformer the network is a Transformer encoder-decoder instead (course §8.3;
 * Vaswani et al. 2017): self-attention encoder blocks, and decoder blocks with causal self-attention and
 * cross-attention over the encoder's outputs, sized by {@code modelDim}, {@code numHeads}, {@code ffDim},
 * {@code numLayers} and {@code preNorm}. Training, decoding, columns and persistence are the same.
 *
 * <p>Input: {@code array<int>} source and target token ids (e.g. from {@code TokenIndexer}; reserved ids 0 pad,
 * 1 unknown, 2 begin, 3 end), with {@code sourceVocabularySize} and {@code targetVocabularySize} set. Output: the
 * decoded {@code array<int>}, which {@code TokenIndexerModel.decode} turns back into words.
 */
public class Seq2Seq extends Estimator<Seq2SeqModel>
        implements HasTrainingListener, HasSeq2SeqParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Seq2SeqParamSet seq2seqParams;
    private final TransformerParamSet transformerParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private transient TrainingListener listener = TrainingListener.NONE;

    public Seq2Seq() {
        this(Identifiable$.MODULE$.randomUID("seq2seq"));
    }

    public Seq2Seq(String uid) {
        this(StageUid.stash(uid));
    }

    private Seq2Seq(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.seq2seqParams = new Seq2SeqParamSet(this);
        this.transformerParams = new TransformerParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        Param<String>[] columns = ColumnParams.forSeq2Seq(this);
        this.featuresCol = columns[0];
        this.labelCol = columns[1];
        this.predictionCol = columns[2];
        setTrainingDefaults();
        setSeq2SeqDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public Seq2SeqParamSet seq2seqParams() {
        return seq2seqParams;
    }

    @Override
    public TransformerParamSet transformerParams() {
        return transformerParams;
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

    public Seq2Seq setFeaturesCol(String value) {
        return (Seq2Seq) set(featuresCol(), value);
    }

    public Seq2Seq setLabelCol(String value) {
        return (Seq2Seq) set(labelCol(), value);
    }

    public Seq2Seq setPredictionCol(String value) {
        return (Seq2Seq) set(predictionCol(), value);
    }

    public Seq2Seq setSourceVocabularySize(int value) {
        return (Seq2Seq) set(sourceVocabularySize(), value);
    }

    public Seq2Seq setTargetVocabularySize(int value) {
        return (Seq2Seq) set(targetVocabularySize(), value);
    }

    public Seq2Seq setEmbeddingSize(int value) {
        return (Seq2Seq) set(embeddingSize(), value);
    }

    public Seq2Seq setHiddenSize(int value) {
        return (Seq2Seq) set(hiddenSize(), value);
    }

    public Seq2Seq setCell(String value) {
        return (Seq2Seq) set(cell(), value);
    }

    public Seq2Seq setContext(String value) {
        return (Seq2Seq) set(context(), value);
    }

    public Seq2Seq setDropout(double value) {
        return (Seq2Seq) set(dropout(), value);
    }

    public Seq2Seq setL2(double value) {
        return (Seq2Seq) set(l2(), value);
    }

    public Seq2Seq setWeightInit(String value) {
        return (Seq2Seq) set(weightInit(), value);
    }

    public Seq2Seq setMaxSequenceLength(int value) {
        return (Seq2Seq) set(maxSequenceLength(), value);
    }

    public Seq2Seq setTruncate(String value) {
        return (Seq2Seq) set(truncate(), value);
    }

    /** rnn (default) or transformer. */
    public Seq2Seq setArchitecture(String value) {
        return (Seq2Seq) set(architecture(), value);
    }

    public Seq2Seq setModelDim(int value) {
        return (Seq2Seq) set(modelDim(), value);
    }

    public Seq2Seq setNumHeads(int value) {
        return (Seq2Seq) set(numHeads(), value);
    }

    public Seq2Seq setFfDim(int value) {
        return (Seq2Seq) set(ffDim(), value);
    }

    public Seq2Seq setNumLayers(int value) {
        return (Seq2Seq) set(numLayers(), value);
    }

    public Seq2Seq setPreNorm(boolean value) {
        return (Seq2Seq) set(preNorm(), value);
    }

    public Seq2Seq setMaxOutputLength(int value) {
        return (Seq2Seq) set(maxOutputLength(), value);
    }

    public Seq2Seq setUpdater(String value) {
        return (Seq2Seq) set(updater(), value);
    }

    public Seq2Seq setLearningRate(double value) {
        return (Seq2Seq) set(learningRate(), value);
    }

    public Seq2Seq setMomentum(double value) {
        return (Seq2Seq) set(momentum(), value);
    }

    public Seq2Seq setBatchSize(int value) {
        return (Seq2Seq) set(batchSize(), value);
    }

    public Seq2Seq setMaxEpochs(int value) {
        return (Seq2Seq) set(maxEpochs(), value);
    }

    public Seq2Seq setSeed(long value) {
        return (Seq2Seq) set(seed(), value);
    }

    public Seq2Seq setNumWorkers(int value) {
        return (Seq2Seq) set(numWorkers(), value);
    }

    public Seq2Seq setAveragingFrequency(int value) {
        return (Seq2Seq) set(averagingFrequency(), value);
    }

    public Seq2Seq setInferenceBatchSize(int value) {
        return (Seq2Seq) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public Seq2Seq setCheckpointDir(String value) {
        return (Seq2Seq) set(checkpointDir(), value);
    }

    public Seq2Seq setCheckpointInterval(int value) {
        return (Seq2Seq) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public Seq2Seq setCheckpointMode(String value) {
        return (Seq2Seq) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public Seq2Seq setDivergenceFactor(double value) {
        return (Seq2Seq) set(divergenceFactor(), value);
    }

    public Seq2Seq setSyncMode(String value) {
        return (Seq2Seq) set(syncMode(), value);
    }

    public Seq2Seq setMaxEpochRetries(int value) {
        return (Seq2Seq) set(maxEpochRetries(), value);
    }
    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public Seq2Seq setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        Seq2SeqSchemas.requireSource(schema, getFeaturesCol());
        Seq2SeqSchemas.requireTarget(schema, getLabelCol());
        return Seq2SeqSchemas.withPrediction(schema, getPredictionCol());
    }

    @Override
    public Seq2SeqModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Seq2SeqModel model = new Seq2SeqModel(uid(), Seq2SeqFitting.fit(this, dataset, listener));
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    @Override
    public Seq2Seq copy(ParamMap extra) {
        Seq2Seq copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<Seq2Seq> read() {
        return ParamsOnlyPersistence.reader(Seq2Seq.class);
    }

    public static Seq2Seq load(String path) {
        return read().load(path);
    }
}
