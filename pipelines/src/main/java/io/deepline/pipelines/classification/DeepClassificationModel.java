package io.deepline.pipelines.classification;

import io.deepline.pipelines.inference.FittedNetwork;
import io.deepline.pipelines.inference.HasFittedNetwork;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.data.SchemaChecks;
import io.deepline.pipelines.param.HasMlpParams;
import io.deepline.pipelines.param.MlpParamSet;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.Provenance;
import io.deepline.pipelines.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
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
 * A fitted {@link DeepClassifier}. {@code transform} scores rows in batches on the executors, one network per
 * task thread, from a broadcast copy of the params; single-row {@code predict}/{@code predictRaw} use a
 * driver-side network and give the same answers.
 */
public class DeepClassificationModel extends ProbabilisticClassificationModel<Vector, DeepClassificationModel>
        implements HasFittedNetwork, HasMlpParams, HasClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeepClassificationModel.class);

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final ClassifierParamSet classifierParams;
    private FittedNetwork fitted;
    private int numClasses;

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public DeepClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private DeepClassificationModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.mlpParams = new MlpParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setMlpDefaults();
        setTrainingDefaults();
        setClassifierDefaults();
    }

    DeepClassificationModel(String uid, NetworkSnapshot network, int numFeatures, int numClasses,
                            TrainingHistory history, Provenance provenance) {
        this(uid);
        setState(network, numFeatures, numClasses, history, provenance);
    }

    /** Installs the fitted state; used by the constructor above and by the reader. */
    final void setState(NetworkSnapshot network, int numFeatures, int numClasses, TrainingHistory history,
                        Provenance provenance) {
        this.fitted = new FittedNetwork(network, numFeatures, history, provenance);
        this.numClasses = numClasses;
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public MlpParamSet mlpParams() {
        return mlpParams;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    @Override
    public ClassifierParamSet classifierParams() {
        return classifierParams;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int numFeatures() {
        return fitted == null ? -1 : fitted.numFeatures();
    }

    public DeepClassificationModel setInferenceBatchSize(int value) {
        return (DeepClassificationModel) set(inferenceBatchSize(), value);
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
        return Vectors.dense(ClassProbabilities.toRaw(ClassProbabilities.fromNetworkOutput(output)));
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from DeepClassifier.fit or"
                    + " DeepClassificationModel.load(path)");
        }
        return fitted;
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        if (rawPrediction instanceof DenseVector dense) {
            ClassProbabilities.softmaxInPlace(dense.values());
            return dense;
        }
        throw new IllegalArgumentException("rawPrediction must be a dense vector, got " + rawPrediction.getClass());
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
    public DeepClassificationModel copy(ParamMap extra) {
        FittedNetwork copied = fittedNetwork().deepCopy();
        DeepClassificationModel copy = new DeepClassificationModel(uid, copied.snapshot(), copied.numFeatures(),
                numClasses, copied.history(), copied.provenance());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new DeepClassificationModelPersistence.Writer(this);
    }

    public static MLReader<DeepClassificationModel> read() {
        return new DeepClassificationModelPersistence.Reader();
    }

    public static DeepClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "DeepClassificationModel: uid=" + uid + ", numFeatures=" + numFeatures() + ", numClasses=" + numClasses
                + ", hiddenLayers=" + Arrays.toString(getHiddenLayers());
    }
}
