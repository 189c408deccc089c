package io.deepline.pipelines.classification;

import io.deepline.models.spec.MlpSpec;
import io.deepline.pipelines.data.SchemaChecks;
import io.deepline.pipelines.param.HasMlpParams;
import io.deepline.pipelines.param.MlpParamSet;
import io.deepline.pipelines.param.StageUid;
import io.deepline.pipelines.param.TrainingParamSet;
import io.deepline.pipelines.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.train.HasTrainingListener;
import io.deepline.pipelines.train.TrainingListener;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A deep multilayer-perceptron classifier, trained data-parallel by parameter averaging on Spark.
 *
 * <p>Input: a {@code Vector} features column and a 0-based class-index label column (the number of classes
 * comes from the label's ML metadata, else max label + 1). Output: MLlib's {@code rawPrediction} (log
 * class probabilities), {@code probability} and {@code prediction} columns.
 *
 * <pre>{@code
 * DeepClassifier clf = new DeepClassifier().setHiddenLayers(new int[]{64, 32}).setMaxEpochs(20)
 *     .setUpdater("adam").setLearningRate(1e-3).setNumWorkers(4).setSeed(42);
 * DeepClassificationModel model = clf.fit(train);
 * }</pre>
 */
public class DeepClassifier extends ProbabilisticClassifier<Vector, DeepClassifier, DeepClassificationModel>
        implements HasTrainingListener, HasMlpParams, HasClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final MlpParamSet mlpParams;
    private final TrainingParamSet trainingParams;
    private final ClassifierParamSet classifierParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    public DeepClassifier() {
        this(Identifiable$.MODULE$.randomUID("deepClassifier"));
    }

    public DeepClassifier(String uid) {
        this(StageUid.stash(uid));
    }

    private DeepClassifier(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.mlpParams = new MlpParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setMlpDefaults();
        setTrainingDefaults();
        setClassifierDefaults();
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

    // ---- setters (fluent, as MLlib's) ----

    public DeepClassifier setHiddenLayers(int[] value) {
        return (DeepClassifier) set(hiddenLayers(), value);
    }

    public DeepClassifier setActivation(String value) {
        return (DeepClassifier) set(activation(), value);
    }

    public DeepClassifier setLeakyReluSlope(double value) {
        return (DeepClassifier) set(leakyReluSlope(), value);
    }

    public DeepClassifier setWeightInit(String value) {
        return (DeepClassifier) set(weightInit(), value);
    }

    public DeepClassifier setFitIntercept(boolean value) {
        return (DeepClassifier) set(fitIntercept(), value);
    }

    public DeepClassifier setBinaryOutput(String value) {
        return (DeepClassifier) set(binaryOutput(), value);
    }

    public DeepClassifier setDropout(double value) {
        return (DeepClassifier) set(dropout(), value);
    }

    public DeepClassifier setL2(double value) {
        return (DeepClassifier) set(l2(), value);
    }

    public DeepClassifier setUpdater(String value) {
        return (DeepClassifier) set(updater(), value);
    }

    public DeepClassifier setLearningRate(double value) {
        return (DeepClassifier) set(learningRate(), value);
    }

    public DeepClassifier setMomentum(double value) {
        return (DeepClassifier) set(momentum(), value);
    }

    public DeepClassifier setResidual(boolean value) {
        return (DeepClassifier) set(residual(), value);
    }

    public DeepClassifier setNormalization(String value) {
        return (DeepClassifier) set(normalization(), value);
    }

    public DeepClassifier setBatchNormPosition(String value) {
        return (DeepClassifier) set(batchNormPosition(), value);
    }

    public DeepClassifier setLrSchedule(String value) {
        return (DeepClassifier) set(lrSchedule(), value);
    }

    public DeepClassifier setLrDecay(double value) {
        return (DeepClassifier) set(lrDecay(), value);
    }

    public DeepClassifier setLrDecayEpochs(int value) {
        return (DeepClassifier) set(lrDecayEpochs(), value);
    }

    public DeepClassifier setBatchSize(int value) {
        return (DeepClassifier) set(batchSize(), value);
    }

    public DeepClassifier setMaxEpochs(int value) {
        return (DeepClassifier) set(maxEpochs(), value);
    }

    public DeepClassifier setSeed(long value) {
        return (DeepClassifier) set(seed(), value);
    }

    public DeepClassifier setNumWorkers(int value) {
        return (DeepClassifier) set(numWorkers(), value);
    }

    public DeepClassifier setAveragingFrequency(int value) {
        return (DeepClassifier) set(averagingFrequency(), value);
    }

    public DeepClassifier setWeightCol(String value) {
        return (DeepClassifier) set(weightCol(), value);
    }

    public DeepClassifier setValidationFraction(double value) {
        return (DeepClassifier) set(validationFraction(), value);
    }

    public DeepClassifier setValidationIndicatorCol(String value) {
        return (DeepClassifier) set(validationIndicatorCol(), value);
    }

    public DeepClassifier setEarlyStoppingPatience(int value) {
        return (DeepClassifier) set(earlyStoppingPatience(), value);
    }

    public DeepClassifier setEarlyStoppingMinDelta(double value) {
        return (DeepClassifier) set(earlyStoppingMinDelta(), value);
    }

    public DeepClassifier setInferenceBatchSize(int value) {
        return (DeepClassifier) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public DeepClassifier setCheckpointDir(String value) {
        return (DeepClassifier) set(checkpointDir(), value);
    }

    public DeepClassifier setCheckpointInterval(int value) {
        return (DeepClassifier) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public DeepClassifier setCheckpointMode(String value) {
        return (DeepClassifier) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public DeepClassifier setDivergenceFactor(double value) {
        return (DeepClassifier) set(divergenceFactor(), value);
    }

    public DeepClassifier setSyncMode(String value) {
        return (DeepClassifier) set(syncMode(), value);
    }

    public DeepClassifier setMaxEpochRetries(int value) {
        return (DeepClassifier) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public DeepClassifier setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireNumericColumn(schema, getLabelCol(), "label", "labelCol");
        return super.transformSchema(schema);
    }

    @Override
    public DeepClassificationModel train(Dataset<?> dataset) {
        MlpSpec spec = toMlpSpec();
        VectorClassifierFitting.Fitted fitted = VectorClassifierFitting.fit(this, "DeepClassifier", dataset,
                spec::initialState, listener);
        return new DeepClassificationModel(uid(), fitted.network(), fitted.numFeatures(), fitted.numClasses(),
                fitted.history(), fitted.provenance());
    }

    @Override
    public DeepClassifier copy(ParamMap extra) {
        DeepClassifier copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<DeepClassifier> read() {
        return ParamsOnlyPersistence.reader(DeepClassifier.class);
    }

    public static DeepClassifier load(String path) {
        return read().load(path);
    }
}
