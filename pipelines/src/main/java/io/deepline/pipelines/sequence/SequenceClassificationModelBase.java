package io.deepline.pipelines.sequence;

import io.deepline.pipelines.classification.ClassProbabilities;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What every fitted many-to-one sequence classifier is, whatever its network (recurrent or Transformer): a network
 * whose output is the class probabilities of a sequence, scored in padded batches on the executors
 * ({@link ClassifierScoring}) or one sequence on the driver with the same answer, deep-copied and saved as
 * {@link SequenceModelPersistence}. Subclasses add their Params, a {@code (String uid)} constructor and the static
 * {@code read()}/{@code load(path)} Spark's readers call.
 *
 * @param <M> the concrete model
 */
public abstract class SequenceClassificationModelBase<M extends SequenceClassificationModelBase<M>>
        extends ProbabilisticClassificationModel<Object, M>
        implements HasFittedNetwork, HasSequenceInputParams<M>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TrainingParamSet trainingParams;
    private TrainedSequence trained;

    /** Takes the uid {@link StageUid#stash} handed over before Spark's base constructors ran. */
    protected SequenceClassificationModelBase(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.trainingParams = new TrainingParamSet(this);
        setTrainingDefaults();
    }

    /** A new, empty model of this class with {@code uid}: its {@code (String uid)} constructor. */
    protected abstract M newModel(String uid);

    /** The estimator's and the model's class names, for the message of a model that was never fitted. */
    protected abstract String estimatorName();

    /** Installs the fitted state; used by the estimator, by copies and by the reader. */
    final void setState(FittedNetwork fitted, SequenceInput input, int numClasses) {
        this.trained = new TrainedSequence(fitted, input, numClasses);
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public final TrainingParamSet trainingParams() {
        return trainingParams;
    }

    /** The kind of sequence column the model was trained on. */
    public SequenceInput sequenceInput() {
        return trained().input();
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

    @Override
    public FittedNetwork fittedNetwork() {
        return trained().fitted();
    }

    private TrainedSequence trained() {
        return TrainedSequence.require(trained, uid(), estimatorName(), getClass().getSimpleName());
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
        return ClassProbabilities.raw2probabilityInPlace(rawPrediction);
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
    public M copy(ParamMap extra) {
        M copy = newModel(uid);
        ((SequenceClassificationModelBase<M>) copy).trained = trained().deepCopy();
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new SequenceModelPersistence.Writer(this, sequenceInput(), numClasses());
    }
}
