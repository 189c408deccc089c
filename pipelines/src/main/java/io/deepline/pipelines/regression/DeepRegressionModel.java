package io.deepline.pipelines.regression;

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
import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PredictionModel;
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

/**
 * A fitted {@link DeepRegressor}: predicts the response mean E[y|x] (for Poisson, exp of the linear
 * predictor). Batched scoring on the executors; single-row {@link #predict}/{@link #predictVector} on the driver
 * give the same values.
 */
public class DeepRegressionModel extends PredictionModel<Vector, DeepRegressionModel>
        implements HasMlpParams, HasRegressorParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final RegressorParamSet regressorParams;
    private NetworkSnapshot network;
    private int numFeatures;
    private int numOutputs;
    private boolean vectorLabel;
    private TrainingHistory history = TrainingHistory.empty();
    private Provenance provenance;
    private transient Network driverNetwork;

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public DeepRegressionModel(String uid) {
        this(StageUid.stash(uid));
    }

    private DeepRegressionModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.mlpParams = new MlpParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.regressorParams = new RegressorParamSet(this);
        setMlpDefaults();
        setTrainingDefaults();
        setRegressorDefaults();
    }

    DeepRegressionModel(String uid, NetworkSnapshot network, int numFeatures, int numOutputs, boolean vectorLabel,
                        TrainingHistory history, Provenance provenance) {
        this(uid);
        setState(network, numFeatures, numOutputs, vectorLabel, history, provenance);
    }

    final void setState(NetworkSnapshot network, int numFeatures, int numOutputs, boolean vectorLabel,
                        TrainingHistory history, Provenance provenance) {
        this.network = network;
        this.numFeatures = numFeatures;
        this.numOutputs = numOutputs;
        this.vectorLabel = vectorLabel;
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
    public RegressorParamSet regressorParams() {
        return regressorParams;
    }

    @Override
    public int numFeatures() {
        return numFeatures;
    }

    /** Number of predicted responses (1 unless trained on a Vector label). */
    public int numOutputs() {
        return numOutputs;
    }

    /** Whether predictions are Vectors (trained on a Vector label). */
    public boolean isMultiOutput() {
        return vectorLabel;
    }

    public TrainingHistory trainingHistory() {
        return history;
    }

    public Provenance provenance() {
        return provenance;
    }

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

    public DeepRegressionModel setInferenceBatchSize(int value) {
        return (DeepRegressionModel) set(inferenceBatchSize(), value);
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        return RegressionSchemas.withPrediction(schema, getPredictionCol(), vectorLabel);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        requireFitted();
        StructType outputSchema = transformSchema(dataset.schema(), true);
        if (getPredictionCol().isEmpty()) {
            return dataset.toDF();
        }
        Broadcast<NetworkSnapshot> bc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext())
                .broadcast(network.withoutUpdaterState());
        RegressionScorer scorer = new RegressionScorer(bc,
                Arrays.asList(dataset.schema().fieldNames()).indexOf(getFeaturesCol()), getFeaturesCol(), numFeatures,
                getInferenceBatchSize(), vectorLabel);
        return dataset.toDF().mapPartitions(scorer, Encoders.row(outputSchema));
    }

    /** The predicted mean of a single-output model. */
    @Override
    public double predict(Vector features) {
        if (vectorLabel) {
            throw new IllegalStateException("this model predicts " + numOutputs + " outputs; use predictVector");
        }
        return predictVector(features).apply(0);
    }

    /** The predicted means, one per output. */
    public Vector predictVector(Vector features) {
        requireFitted();
        if (features.size() != numFeatures) {
            throw new IllegalArgumentException("the features vector has size " + features.size()
                    + " but the model was trained on " + numFeatures + " features");
        }
        float[] output;
        synchronized (this) {
            // DL4J networks are not thread-safe; the driver-side one serves single-row calls one at a time.
            if (driverNetwork == null) {
                driverNetwork = network.restoreForInference();
            }
            output = driverNetwork.output(Nd4j.create(VectorFloats.of(features), new long[] {1, numFeatures}, 'c'))
                    .toFloatVector();
        }
        return Vectors.dense(RegressionScorer.toDoubles(output));
    }

    private void requireFitted() {
        if (network == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from DeepRegressor.fit or"
                    + " DeepRegressionModel.load(path)");
        }
    }

    // ---- copy and persistence ----

    @Override
    public DeepRegressionModel copy(ParamMap extra) {
        requireFitted();
        NetworkSnapshot copied = new NetworkSnapshot(network.configurationJson(), network.params().clone(),
                network.updaterState().clone(), network.iteration(), network.epoch());
        DeepRegressionModel copy = new DeepRegressionModel(uid, copied, numFeatures, numOutputs, vectorLabel, history,
                provenance);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new DeepRegressionModelPersistence.Writer(this);
    }

    public static MLReader<DeepRegressionModel> read() {
        return new DeepRegressionModelPersistence.Reader();
    }

    public static DeepRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "DeepRegressionModel: uid=" + uid + ", family=" + getFamily() + ", numFeatures=" + numFeatures
                + ", numOutputs=" + numOutputs + ", hiddenLayers=" + Arrays.toString(getHiddenLayers());
    }
}
