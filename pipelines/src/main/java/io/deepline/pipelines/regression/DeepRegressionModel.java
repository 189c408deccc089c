package io.deepline.pipelines.regression;

import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.HasMlpParams;
import io.deepline.pipelines.core.param.MlpParamSet;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.Arrays;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link DeepRegressor}: predicts the response mean E[y|x] (for Poisson, exp of the linear
 * predictor). Batched scoring on the executors; single-row {@link #predict}/{@link #predictVector} on the driver
 * give the same values.
 */
public class DeepRegressionModel extends PredictionModel<Vector, DeepRegressionModel>
        implements HasFittedNetwork, HasMlpParams<DeepRegressionModel>, HasRegressorParams<DeepRegressionModel>,
                MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final RegressorParamSet regressorParams;
    private FittedNetwork fitted;
    private int numOutputs;
    private boolean vectorLabel;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public DeepRegressionModel() {
        this(Identifiable$.MODULE$.randomUID("deepRegressor"));
    }

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
        this.fitted = new FittedNetwork(network, numFeatures, history, provenance);
        this.numOutputs = numOutputs;
        this.vectorLabel = vectorLabel;
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
        return fitted == null ? -1 : fitted.numFeatures();
    }

    /** Number of predicted responses (1 unless trained on a Vector label). */
    public int numOutputs() {
        return numOutputs;
    }

    /** Whether predictions are Vectors (trained on a Vector label). */
    public boolean isMultiOutput() {
        return vectorLabel;
    }

    // ---- scoring ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        return RegressionSchemas.withStd(RegressionSchemas.withPrediction(schema, getPredictionCol(), vectorLabel),
                stdColumnOrEmpty());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        fittedNetwork();
        StructType outputSchema = transformSchema(dataset.schema(), true);
        if (getPredictionCol().isEmpty() && stdColumnOrEmpty().isEmpty()) {
            return dataset.toDF();
        }
        Broadcast<NetworkSnapshot> bc = fitted.broadcastForScoring(dataset.sparkSession().sparkContext());
        RegressionScorer scorer = new RegressionScorer(bc,
                Arrays.asList(dataset.schema().fieldNames()).indexOf(getFeaturesCol()), getFeaturesCol(), numFeatures(),
                getInferenceBatchSize(), vectorLabel, !getPredictionCol().isEmpty(), !stdColumnOrEmpty().isEmpty());
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
        float[] output = fittedNetwork().output(features);
        // A heteroskedastic network's second unit is log σ, not a response.
        return Vectors.dense(RegressionScorer.toDoubles(isHeteroskedastic() ? new float[] {output[0]} : output));
    }

    /** The predicted standard deviation σ of family=gaussianHeteroskedastic (course §1.3: σ = exp(u·h)). */
    public double predictStd(Vector features) {
        if (!isHeteroskedastic()) {
            throw new IllegalStateException("family=" + getFamily() + " predicts no standard deviation; train with"
                    + " family=gaussianHeteroskedastic");
        }
        return RegressionScorer.std(fittedNetwork().output(features));
    }

    @Override
    public FittedNetwork fittedNetwork() {
        if (fitted == null) {
            throw new IllegalStateException(uid() + " has no trained network; get a model from DeepRegressor.fit or"
                    + " DeepRegressionModel.load(path)");
        }
        return fitted;
    }

    // ---- copy and persistence ----

    @Override
    public DeepRegressionModel copy(ParamMap extra) {
        FittedNetwork copied = fittedNetwork().deepCopy();
        DeepRegressionModel copy = new DeepRegressionModel(uid, copied.snapshot(), copied.numFeatures(), numOutputs,
                vectorLabel, copied.history(), copied.provenance());
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
        return "DeepRegressionModel: uid=" + uid + ", family=" + getFamily() + ", numFeatures=" + numFeatures()
                + ", numOutputs=" + numOutputs + ", hiddenLayers=" + Arrays.toString(getHiddenLayers());
    }
}
