package io.deepline.pipelines.classification;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every fitted classifier of a {@code Vector} features column is, whatever its network (an MLP, a CNN): a
 * network whose output is the class probabilities of one row. {@code transform} scores rows in batches on the
 * executors, one network per task thread, from a broadcast copy of the params; single-row
 * {@code predict}/{@code predictRaw} use a driver-side network and give the same answers. Subclasses add their
 * Params, a {@code (String uid)} constructor and the static {@code read()}/{@code load(path)} Spark's readers call.
 *
 * @param <M> the concrete model
 */
public abstract class VectorClassificationModelBase<M extends VectorClassificationModelBase<M>>
        extends ProbabilisticClassificationModel<Vector, M>
        implements HasFittedNetwork, HasTrainingParams<M>, HasClassifierParams<M>, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VectorClassificationModelBase.class);

    private final String uid;
    private final TrainingParamSet trainingParams;
    private FittedNetwork fitted;
    private int numClasses;

    /** Takes the uid {@link StageUid#stash} handed over before Spark's base constructors ran. */
    protected VectorClassificationModelBase(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.trainingParams = new TrainingParamSet(this);
        setTrainingDefaults();
    }

    /** A new, empty model of this class with {@code uid}: its {@code (String uid)} constructor. */
    protected abstract M newModel(String uid);

    /** The name of the estimator that fits this model, for the message of a model that was never fitted. */
    protected abstract String estimatorName();

    /** Installs the fitted state; used by the estimator, by copies and by the reader. */
    protected final void setState(NetworkSnapshot network, int numFeatures, int numClasses, TrainingHistory history,
                        Provenance provenance) {
        this.fitted = new FittedNetwork(network, numFeatures, history, provenance);
        this.numClasses = numClasses;
    }

    /** Installs what a fit produced. */
    protected final void setState(VectorClassifierFitting.Fitted fitted) {
        setState(fitted.network(), fitted.numFeatures(), fitted.numClasses(), fitted.history(), fitted.provenance());
    }

    /** The reader of a concrete model class, for its static {@code read()}. */
    protected static <M extends VectorClassificationModelBase<M>> MLReader<M> readerOf(Class<M> type,
                                                                                       Function<String, M> newModel) {
        return new VectorClassificationModelPersistence.Reader<>(type, newModel);
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public final TrainingParamSet trainingParams() {
        return trainingParams;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int numFeatures() {
        return fitted == null ? -1 : fitted.numFeatures();
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from " + estimatorName()
                    + ".fit or " + getClass().getSimpleName() + ".load(path)");
        }
        return fitted;
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireAbsent(schema, getRawPredictionCol(), "rawPredictionCol");
        SchemaChecks.requireAbsent(schema, getProbabilityCol(), "probabilityCol");
        SchemaChecks.requireAbsent(schema, getPredictionCol(), "predictionCol");
        return super.transformSchema(schema);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        fittedNetwork();
        StructType outputSchema = transformSchema(dataset.schema(), true);
        List<String> inputColumns = Arrays.asList(dataset.schema().fieldNames());
        List<ClassificationScorer.Output> outputs = new ArrayList<>();
        for (String column : outputSchema.fieldNames()) {
            if (inputColumns.contains(column)) {
                continue;
            }
            outputs.add(column.equals(getRawPredictionCol()) ? ClassificationScorer.Output.RAW_PREDICTION
                    : column.equals(getProbabilityCol()) ? ClassificationScorer.Output.PROBABILITY
                    : ClassificationScorer.Output.PREDICTION);
        }
        if (outputs.isEmpty()) {
            LOG.warn("{}: transform() was called as NOOP since no output columns were set.", uid());
            return dataset.toDF();
        }
        Broadcast<NetworkSnapshot> bc = fitted.broadcastForScoring(dataset.sparkSession().sparkContext());
        double[] thresholds = isDefined(thresholds()) ? getThresholds() : null;
        ClassificationScorer scorer = new ClassificationScorer(bc, inputColumns.indexOf(getFeaturesCol()),
                getFeaturesCol(), fitted.numFeatures(), getInferenceBatchSize(),
                outputs.toArray(new ClassificationScorer.Output[0]), thresholds);
        return dataset.toDF().mapPartitions(scorer, Encoders.row(outputSchema));
    }

    @Override
    public Vector predictRaw(Vector features) {
        float[] output = fittedNetwork().output(features);
        return Vectors.dense(ClassProbabilities.raw(output));
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        return ClassProbabilities.raw2probabilityInPlace(rawPrediction);
    }

    /**
     * Disambiguates two inherited Scala methods for javac (the raw type is the only return type compatible
     * with both); Spark's own logic runs.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    // ---- copy and persistence ----

    /** A deep copy: the copy never shares a network (or its buffers) with this model. */
    @Override
    public M copy(ParamMap extra) {
        FittedNetwork copied = fittedNetwork().deepCopy();
        M copy = newModel(uid);
        copy.setState(copied.snapshot(), copied.numFeatures(), numClasses, copied.history(), copied.provenance());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new VectorClassificationModelPersistence.Writer(this);
    }
}
