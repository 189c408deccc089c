package io.deepline.pipelines.classification;

import io.deepline.models.state.Network;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.data.SchemaChecks;
import io.deepline.pipelines.data.VectorFloats;
import io.deepline.pipelines.param.HasMlpParams;
import io.deepline.pipelines.param.MlpParamSet;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.Provenance;
import io.deepline.pipelines.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fitted {@link DeepClassifier}. {@code transform} scores rows in batches on the executors, one network per
 * task thread, from a broadcast copy of the params; single-row {@code predict}/{@code predictRaw} use a
 * driver-side network and give the same answers.
 */
public class DeepClassificationModel extends ProbabilisticClassificationModel<Vector, DeepClassificationModel>
        implements HasMlpParams, HasClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeepClassificationModel.class);

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final ClassifierParamSet classifierParams;
    private NetworkSnapshot network;
    private int numFeatures;
    private int numClasses;
    private TrainingHistory history = TrainingHistory.empty();
    private Provenance provenance;
    private transient Network driverNetwork;

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
        this.network = network;
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
        this.history = history;
        this.provenance = provenance;
        this.driverNetwork = null;
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
        return numFeatures;
    }

    /** Per-epoch loss, time and throughput of the fit that made this model. */
    public TrainingHistory trainingHistory() {
        return history;
    }

    /** Versions, data and timing of the fit that made this model. */
    public Provenance provenance() {
        return provenance;
    }

    /** The fitted network state (params, optimizer state, counters). Treat its arrays as read-only. */
    public NetworkSnapshot networkSnapshot() {
        return network;
    }

    /** A new DL4J layer-stack network with this model's params; fails for residual (graph) models. */
    public MultiLayerNetwork toNetwork() {
        requireFitted();
        return network.toNetwork();
    }

    /** A new DL4J network (MultiLayerNetwork or, for residual models, ComputationGraph) with this model's params. */
    public org.deeplearning4j.nn.api.Model toModel() {
        requireFitted();
        return network.restore().model();
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
        requireFitted();
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
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        Broadcast<NetworkSnapshot> bc = sc.broadcast(network.withoutUpdaterState());
        double[] thresholds = isDefined(thresholds()) ? getThresholds() : null;
        ClassificationScorer scorer = new ClassificationScorer(bc, inputColumns.indexOf(getFeaturesCol()),
                getFeaturesCol(), numFeatures, getInferenceBatchSize(),
                outputs.toArray(new ClassificationScorer.Output[0]), thresholds);
        return dataset.toDF().mapPartitions(scorer, Encoders.row(outputSchema));
    }

    @Override
    public Vector predictRaw(Vector features) {
        requireFitted();
        if (features.size() != numFeatures) {
            throw new IllegalArgumentException("the features vector has size " + features.size()
                    + " but the model was trained on " + numFeatures + " features");
        }
        float[] x = VectorFloats.of(features);
        float[] output;
        synchronized (this) {
            // DL4J networks are not thread-safe; the driver-side one serves single-row calls one at a time.
            if (driverNetwork == null) {
                driverNetwork = network.restoreForInference();
            }
            output = driverNetwork.output(Nd4j.create(x, new long[] {1, numFeatures}, 'c')).toFloatVector();
        }
        return Vectors.dense(ClassProbabilities.toRaw(ClassProbabilities.fromNetworkOutput(output)));
    }

    private void requireFitted() {
        if (network == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from DeepClassifier.fit or"
                    + " DeepClassificationModel.load(path)");
        }
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
        requireFitted();
        NetworkSnapshot copiedNetwork = new NetworkSnapshot(network.configurationJson(), network.params().clone(),
                network.updaterState().clone(), network.iteration(), network.epoch());
        DeepClassificationModel copy = new DeepClassificationModel(uid, copiedNetwork, numFeatures, numClasses,
                history, provenance);
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
        return "DeepClassificationModel: uid=" + uid + ", numFeatures=" + numFeatures + ", numClasses=" + numClasses
                + ", hiddenLayers=" + Arrays.toString(getHiddenLayers()) + ", epochs=" + history.numEpochs();
    }
}
