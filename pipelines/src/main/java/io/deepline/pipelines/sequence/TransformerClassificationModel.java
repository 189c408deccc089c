package io.deepline.pipelines.sequence;

import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.SequenceReader;
import io.deepline.pipelines.inference.FittedNetwork;
import io.deepline.pipelines.inference.HasFittedNetwork;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link TransformerClassifier}, with {@link SequenceClassificationModel}'s columns and behaviour:
 * {@code transform} scores sequences in padded batches on the executors; {@code predict(sequence)} scores one on
 * the driver with the same answer. Saved as the sequence models are ({@link SequenceModelPersistence}).
 */
public class TransformerClassificationModel
        extends ProbabilisticClassificationModel<Object, TransformerClassificationModel>
        implements HasFittedNetwork, HasTransformerClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TransformerClassifierParamSet params;
    private final TrainingParamSet trainingParams;
    private TrainedSequence trained;

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public TransformerClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private TransformerClassificationModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.params = new TransformerClassifierParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        setTransformerClassifierDefaults();
    }

    TransformerClassificationModel(String uid, FittedNetwork fitted, SequenceInput input, int numClasses) {
        this(uid);
        setState(fitted, input, numClasses);
    }

    /** Installs the fitted state; used by the constructor above, by copies and by the reader. */
    final void setState(FittedNetwork fitted, SequenceInput input, int numClasses) {
        this.trained = new TrainedSequence(fitted, input, numClasses);
    }

    /** The kind of sequence column the model was trained on. */
    public SequenceInput sequenceInput() {
        return trained().input();
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

    @Override
    public int numClasses() {
        return trained == null ? 0 : trained.numOutputs();
    }

    /** Features per step (1 for token ids and univariate series). */
    @Override
    public int numFeatures() {
        return trained == null ? -1 : trained.fitted().numFeatures();
    }

    public TransformerClassificationModel setInferenceBatchSize(int value) {
        return (TransformerClassificationModel) set(inferenceBatchSize(), value);
    }

    @Override
    public FittedNetwork fittedNetwork() {
        return trained().fitted();
    }

    private TrainedSequence trained() {
        return TrainedSequence.require(trained, uid(), "TransformerClassifier", "TransformerClassificationModel");
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SequenceSchemas.requireTrainedInput(schema, getFeaturesCol(), getVocabularySize(), sequenceInput());
        return SequenceSchemas.withClassifierColumns(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), numClasses());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return ClassifierScoring.transform(this, dataset, transformSchema(dataset.schema(), true), reader());
    }

    private SequenceReader reader() {
        return sequenceReader(sequenceInput(), numFeatures(), getFeaturesCol());
    }

    /** Log class probabilities of one sequence (a Java List or Scala Seq, as in the features column). */
    @Override
    public Vector predictRaw(Object sequence) {
        return ClassifierScoring.predictRaw(trained(), reader(), sequence);
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        return ClassifierScoring.raw2probabilityInPlace(rawPrediction);
    }

    /** Disambiguates two inherited Scala methods for javac; Spark's own logic runs. */
    @Override
    @SuppressWarnings("rawtypes")
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy never shares a network (or its buffers) with this model. */
    @Override
    public TransformerClassificationModel copy(ParamMap extra) {
        TrainedSequence copied = trained().deepCopy();
        TransformerClassificationModel copy = new TransformerClassificationModel(uid, copied.fitted(), copied.input(),
                copied.numOutputs());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new SequenceModelPersistence.Writer(this, sequenceInput(), numClasses());
    }

    public static MLReader<TransformerClassificationModel> read() {
        return new SequenceModelPersistence.Reader<>(TransformerClassificationModel.class,
                TransformerClassificationModel::setState);
    }

    public static TransformerClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "TransformerClassificationModel: uid=" + uid + ", modelDim=" + getModelDim() + ", numHeads="
                + getNumHeads() + ", numLayers=" + getNumLayers() + ", numFeatures=" + numFeatures()
                + ", numClasses=" + numClasses();
    }
}
