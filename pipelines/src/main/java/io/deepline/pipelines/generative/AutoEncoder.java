package io.deepline.pipelines.generative;

import io.deepline.models.spec.AutoEncoderSpec;
import io.deepline.pipelines.data.LabelEncoder;
import io.deepline.pipelines.data.LabeledDataProfile;
import io.deepline.pipelines.data.RegressionDataCheck;
import io.deepline.pipelines.data.TrainingRows;
import io.deepline.pipelines.data.WeightCheck;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.persist.Provenance;
import io.deepline.pipelines.train.EstimatorTraining;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import io.deepline.pipelines.train.TrainingResult;
import io.deepline.pipelines.train.ValidationMetric;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A bottleneck autoencoder (Goodfellow, Bengio &amp; Courville 2016, §14.1; course ch. 9) as a Spark
 * {@code Estimator}: it learns an encoder f and decoder g that minimise the reconstruction loss L(x, g(f(x))) over
 * the rows' feature vectors, with no label, trained data-parallel by Deepline's parameter averaging (the features
 * are their own target). The network is an {@link AutoEncoderSpec}: dense, or convolutional over images
 * ({@code architecture=conv}, {@code imageShape}).
 *
 * <p>The fitted {@link AutoEncoderModel} writes each row's code (the linear bottleneck's activations) and its
 * reconstruction error; the error ranks rows by how unlike the training data they are (anomaly detection).
 * {@code weightCol}, {@code validationFraction} / {@code validationIndicatorCol} (validation metric: the RMSE of
 * the reconstruction) and early stopping work as in {@code DeepRegressor}.
 */
public class AutoEncoder extends Estimator<AutoEncoderModel>
        implements HasTrainingListener, HasAutoEncoderParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final AutoEncoderParamSet autoEncoderParams;
    private final TrainingParamSet trainingParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    public AutoEncoder() {
        this(Identifiable$.MODULE$.randomUID("autoEncoder"));
    }

    public AutoEncoder(String uid) {
        this(StageUid.stash(uid));
    }

    private AutoEncoder(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.autoEncoderParams = new AutoEncoderParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        setAutoEncoderDefaults();
        setTrainingDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public AutoEncoderParamSet autoEncoderParams() {
        return autoEncoderParams;
    }

    @Override
    public TrainingParamSet trainingParams() {
        return trainingParams;
    }

    // ---- setters ----

    public AutoEncoder setFeaturesCol(String value) {
        return (AutoEncoder) set(featuresCol(), value);
    }

    public AutoEncoder setCodeCol(String value) {
        return (AutoEncoder) set(codeCol(), value);
    }

    public AutoEncoder setReconstructionErrorCol(String value) {
        return (AutoEncoder) set(reconstructionErrorCol(), value);
    }

    public AutoEncoder setArchitecture(String value) {
        return (AutoEncoder) set(architecture(), value);
    }

    public AutoEncoder setHiddenLayers(int[] value) {
        return (AutoEncoder) set(hiddenLayers(), value);
    }

    public AutoEncoder setCodeSize(int value) {
        return (AutoEncoder) set(codeSize(), value);
    }

    public AutoEncoder setImageShape(int[] value) {
        return (AutoEncoder) set(imageShape(), value);
    }

    public AutoEncoder setConvFilters(int[] value) {
        return (AutoEncoder) set(convFilters(), value);
    }

    public AutoEncoder setActivation(String value) {
        return (AutoEncoder) set(activation(), value);
    }

    public AutoEncoder setLeakyReluSlope(double value) {
        return (AutoEncoder) set(leakyReluSlope(), value);
    }

    public AutoEncoder setWeightInit(String value) {
        return (AutoEncoder) set(weightInit(), value);
    }

    public AutoEncoder setDropout(double value) {
        return (AutoEncoder) set(dropout(), value);
    }

    public AutoEncoder setL2(double value) {
        return (AutoEncoder) set(l2(), value);
    }

    public AutoEncoder setReconstructionLoss(String value) {
        return (AutoEncoder) set(reconstructionLoss(), value);
    }

    public AutoEncoder setUpdater(String value) {
        return (AutoEncoder) set(updater(), value);
    }

    public AutoEncoder setLearningRate(double value) {
        return (AutoEncoder) set(learningRate(), value);
    }

    public AutoEncoder setMomentum(double value) {
        return (AutoEncoder) set(momentum(), value);
    }

    public AutoEncoder setBatchSize(int value) {
        return (AutoEncoder) set(batchSize(), value);
    }

    public AutoEncoder setMaxEpochs(int value) {
        return (AutoEncoder) set(maxEpochs(), value);
    }

    public AutoEncoder setSeed(long value) {
        return (AutoEncoder) set(seed(), value);
    }

    public AutoEncoder setNumWorkers(int value) {
        return (AutoEncoder) set(numWorkers(), value);
    }

    public AutoEncoder setAveragingFrequency(int value) {
        return (AutoEncoder) set(averagingFrequency(), value);
    }

    public AutoEncoder setWeightCol(String value) {
        return (AutoEncoder) set(weightCol(), value);
    }

    public AutoEncoder setValidationFraction(double value) {
        return (AutoEncoder) set(validationFraction(), value);
    }

    public AutoEncoder setEarlyStoppingPatience(int value) {
        return (AutoEncoder) set(earlyStoppingPatience(), value);
    }

    public AutoEncoder setInferenceBatchSize(int value) {
        return (AutoEncoder) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public AutoEncoder setCheckpointDir(String value) {
        return (AutoEncoder) set(checkpointDir(), value);
    }

    public AutoEncoder setCheckpointInterval(int value) {
        return (AutoEncoder) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public AutoEncoder setCheckpointMode(String value) {
        return (AutoEncoder) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public AutoEncoder setDivergenceFactor(double value) {
        return (AutoEncoder) set(divergenceFactor(), value);
    }

    public AutoEncoder setSyncMode(String value) {
        return (AutoEncoder) set(syncMode(), value);
    }

    public AutoEncoder setMaxEpochRetries(int value) {
        return (AutoEncoder) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: not saved, and copies do not share it. */
    @Override
    public AutoEncoder setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        return AutoEncoderSchema.withOutputs(schema, this);
    }

    @Override
    public AutoEncoderModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        AutoEncoderSpec spec = toAutoEncoderSpec();
        Instant started = Instant.now();
        String features = getFeaturesCol();
        // The features are their own target: the "label" column is the features vector again.
        TrainingRows rows = TrainingRows.select(dataset, features, functions.col(features), weightColOrNull(),
                validationIndicatorColOrNull(), getValidationFraction(), getSeed());
        LabeledDataProfile profile = LabeledDataProfile.of(rows.labeled());
        if (profile.rows() == 0) {
            throw new IllegalArgumentException("the training DataFrame is empty; AutoEncoder.fit needs rows with a '"
                    + features + "' vector (check the filters and the split that produced it)");
        }
        // With the label equal to the features, only the features checks (nulls, sizes, NaN/Inf) can fail.
        int numFeatures = RegressionDataCheck.check(profile, features, features, false).numFeatures();
        spec.requireInputSize(numFeatures);
        if (rows.weighted()) {
            WeightCheck.require(profile, weightColOrNull());
        }
        double weightScale = rows.requireNonEmptyAndWeightScale();
        SparkSession spark = dataset.sparkSession();
        int workers = resolveNumWorkers(spark);
        TrainingResult result = EstimatorTraining.run(this, "AutoEncoder", rows, weightScale, workers, numFeatures,
                LabelEncoder.vector(numFeatures), ValidationMetric.RMSE, spec.initialState(numFeatures), listener);
        Provenance provenance = Provenance.of(spark, profile.rows(), Map.of(), workers, getSeed(), started);
        AutoEncoderModel model = new AutoEncoderModel(uid(), result.network(), numFeatures, spec.codeLayerIndex(),
                result.history(), provenance);
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    @Override
    public AutoEncoder copy(ParamMap extra) {
        AutoEncoder copy = (AutoEncoder) defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<AutoEncoder> read() {
        return ParamsOnlyPersistence.reader(AutoEncoder.class);
    }

    public static AutoEncoder load(String path) {
        return read().load(path);
    }
}
