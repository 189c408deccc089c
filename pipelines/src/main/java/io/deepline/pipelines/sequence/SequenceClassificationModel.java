package io.deepline.pipelines.sequence;

import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.data.sequence.SequenceReader;
import io.deepline.pipelines.inference.FittedNetwork;
import io.deepline.pipelines.inference.HasFittedNetwork;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link SequenceClassifier}. {@code transform} scores sequences in padded batches on the executors;
 * {@code predict(sequence)} scores one on the driver with the same answer.
 */
public class SequenceClassificationModel
        extends ProbabilisticClassificationModel<Object, SequenceClassificationModel>
        implements HasFittedNetwork, HasSequenceParams, SequencePoolingParam, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final SequenceParamSet sequenceParams;
    private final TrainingParamSet trainingParams;
    private final Param<String> pooling;
    private TrainedSequence trained;

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public SequenceClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceClassificationModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.sequenceParams = new SequenceParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setTrainingDefaults();
        setDefault(pooling, "last");
    }

    SequenceClassificationModel(String uid, FittedNetwork fitted, SequenceInput input, int numClasses) {
        this(uid);
        setState(fitted, input, numClasses);
    }

    private SequenceClassificationModel(String uid, TrainedSequence trained) {
        this(uid);
        this.trained = trained;
    }

    /** Installs the fitted state; used by the constructor above and by the reader. */
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

    @Override
    public int numClasses() {
        return trained == null ? 0 : trained.numOutputs();
    }

    /** Features per step (1 for token ids and univariate series). */
    @Override
    public int numFeatures() {
        return trained == null ? -1 : trained.fitted().numFeatures();
    }

    public SequenceClassificationModel setInferenceBatchSize(int value) {
        return (SequenceClassificationModel) set(inferenceBatchSize(), value);
    }

    @Override
    public FittedNetwork fittedNetwork() {
        return trained().fitted();
    }

    private TrainedSequence trained() {
        return TrainedSequence.require(trained, uid(), "SequenceClassifier", "SequenceClassificationModel");
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

    /**
     * Log class probabilities of one sequence (a Java List or Scala Seq, as in the features column: steps of
     * feature arrays, token ids, or numbers).
     */
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
    public SequenceClassificationModel copy(ParamMap extra) {
        SequenceClassificationModel copy = new SequenceClassificationModel(uid, trained().deepCopy());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new SequenceModelPersistence.Writer(this, sequenceInput(), numClasses());
    }

    public static MLReader<SequenceClassificationModel> read() {
        return new SequenceModelPersistence.Reader<>(SequenceClassificationModel.class,
                SequenceClassificationModel::setState);
    }

    public static SequenceClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SequenceClassificationModel: uid=" + uid + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize()
                + ", numFeatures=" + numFeatures() + ", numClasses=" + numClasses();
    }
}
