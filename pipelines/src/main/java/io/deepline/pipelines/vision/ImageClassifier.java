package io.deepline.pipelines.vision;

import io.deepline.models.spec.CnnSpec;
import io.deepline.pipelines.classification.ClassifierParamSet;
import io.deepline.pipelines.classification.HasClassifierParams;
import io.deepline.pipelines.classification.VectorClassifierFitting;
import io.deepline.pipelines.data.SchemaChecks;
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
 * A convolutional image classifier (LeCun, Bottou, Bengio &amp; Haffner, "Gradient-based learning applied to document
 * recognition", Proc. IEEE 1998), trained data-parallel by parameter averaging on Spark.
 *
 * <p>Input: a {@code Vector} features column holding one image per row, {@code imageShape} = [channels, height,
 * width] values in channel-major, row-major order (a VectorAssembler over pixel columns p0..pN of a grey image gives
 * exactly that), and a 0-based class-index label column. The network is the {@code architecture}'s convolution,
 * max-pooling and dense layers (default LeNet-5's sizes), then a softmax output. Output: MLlib's
 * {@code rawPrediction} (log class probabilities), {@code probability} and {@code prediction} columns.
 *
 * <pre>{@code
 * ImageClassifier cnn = new ImageClassifier().setImageShape(new int[] {1, 28, 28})
 *     .setArchitecture("conv(16,5) pool(2) conv(32,5) pool(2) dense(128)").setDropout(0.25)
 *     .setMaxEpochs(5).setNumWorkers(2);
 * ImageClassificationModel model = cnn.fit(train);
 * }</pre>
 */
public class ImageClassifier extends ProbabilisticClassifier<Vector, ImageClassifier, ImageClassificationModel>
        implements HasTrainingListener, HasImageParams, HasClassifierParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final ImageParamSet imageParams;
    private final TrainingParamSet trainingParams;
    private final ClassifierParamSet classifierParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    public ImageClassifier() {
        this(Identifiable$.MODULE$.randomUID("imageClassifier"));
    }

    public ImageClassifier(String uid) {
        this(StageUid.stash(uid));
    }

    private ImageClassifier(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.imageParams = new ImageParamSet(this);
        this.trainingParams = new TrainingParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setImageDefaults();
        setTrainingDefaults();
        setClassifierDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public ImageParamSet imageParams() {
        return imageParams;
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

    public ImageClassifier setImageShape(int[] value) {
        return (ImageClassifier) set(imageShape(), value);
    }

    public ImageClassifier setArchitecture(String value) {
        return (ImageClassifier) set(architecture(), value);
    }

    public ImageClassifier setActivation(String value) {
        return (ImageClassifier) set(activation(), value);
    }

    public ImageClassifier setLeakyReluSlope(double value) {
        return (ImageClassifier) set(leakyReluSlope(), value);
    }

    public ImageClassifier setWeightInit(String value) {
        return (ImageClassifier) set(weightInit(), value);
    }

    public ImageClassifier setBatchNorm(boolean value) {
        return (ImageClassifier) set(batchNorm(), value);
    }

    public ImageClassifier setDropout(double value) {
        return (ImageClassifier) set(dropout(), value);
    }

    public ImageClassifier setL2(double value) {
        return (ImageClassifier) set(l2(), value);
    }

    public ImageClassifier setBinaryOutput(String value) {
        return (ImageClassifier) set(binaryOutput(), value);
    }

    public ImageClassifier setUpdater(String value) {
        return (ImageClassifier) set(updater(), value);
    }

    public ImageClassifier setLearningRate(double value) {
        return (ImageClassifier) set(learningRate(), value);
    }

    public ImageClassifier setMomentum(double value) {
        return (ImageClassifier) set(momentum(), value);
    }

    public ImageClassifier setLrSchedule(String value) {
        return (ImageClassifier) set(lrSchedule(), value);
    }

    public ImageClassifier setLrDecay(double value) {
        return (ImageClassifier) set(lrDecay(), value);
    }

    public ImageClassifier setLrDecayEpochs(int value) {
        return (ImageClassifier) set(lrDecayEpochs(), value);
    }

    public ImageClassifier setBatchSize(int value) {
        return (ImageClassifier) set(batchSize(), value);
    }

    public ImageClassifier setMaxEpochs(int value) {
        return (ImageClassifier) set(maxEpochs(), value);
    }

    public ImageClassifier setSeed(long value) {
        return (ImageClassifier) set(seed(), value);
    }

    public ImageClassifier setNumWorkers(int value) {
        return (ImageClassifier) set(numWorkers(), value);
    }

    public ImageClassifier setAveragingFrequency(int value) {
        return (ImageClassifier) set(averagingFrequency(), value);
    }

    public ImageClassifier setWeightCol(String value) {
        return (ImageClassifier) set(weightCol(), value);
    }

    public ImageClassifier setValidationFraction(double value) {
        return (ImageClassifier) set(validationFraction(), value);
    }

    public ImageClassifier setValidationIndicatorCol(String value) {
        return (ImageClassifier) set(validationIndicatorCol(), value);
    }

    public ImageClassifier setEarlyStoppingPatience(int value) {
        return (ImageClassifier) set(earlyStoppingPatience(), value);
    }

    public ImageClassifier setInferenceBatchSize(int value) {
        return (ImageClassifier) set(inferenceBatchSize(), value);
    }

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    public ImageClassifier setCheckpointDir(String value) {
        return (ImageClassifier) set(checkpointDir(), value);
    }

    public ImageClassifier setCheckpointInterval(int value) {
        return (ImageClassifier) set(checkpointInterval(), value);
    }

    /** "resume" (default) or "overwrite". */
    public ImageClassifier setCheckpointMode(String value) {
        return (ImageClassifier) set(checkpointMode(), value);
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    public ImageClassifier setDivergenceFactor(double value) {
        return (ImageClassifier) set(divergenceFactor(), value);
    }

    public ImageClassifier setSyncMode(String value) {
        return (ImageClassifier) set(syncMode(), value);
    }

    public ImageClassifier setMaxEpochRetries(int value) {
        return (ImageClassifier) set(maxEpochRetries(), value);
    }

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    public ImageClassifier setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return this;
    }

    // ---- schema and training ----

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireVectorColumn(schema, getFeaturesCol(), "featuresCol");
        SchemaChecks.requireNumericColumn(schema, getLabelCol(), "label", "labelCol");
        toCnnSpec();
        ImageSizeCheck.requireMatchesSchema(schema, getFeaturesCol(), getImageShape());
        return super.transformSchema(schema);
    }

    @Override
    public ImageClassificationModel train(Dataset<?> dataset) {
        CnnSpec spec = toCnnSpec();
        VectorClassifierFitting.Fitted fitted = VectorClassifierFitting.fit(this, "ImageClassifier", dataset,
                (numFeatures, head) -> {
                    ImageSizeCheck.requireMatches(numFeatures, getFeaturesCol(), spec.imageShape());
                    return spec.initialState(head);
                }, listener);
        return new ImageClassificationModel(uid(), fitted);
    }

    @Override
    public ImageClassifier copy(ParamMap extra) {
        ImageClassifier copy = defaultCopy(extra);
        copy.listener = listener;
        return copy;
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<ImageClassifier> read() {
        return ParamsOnlyPersistence.reader(ImageClassifier.class);
    }

    public static ImageClassifier load(String path) {
        return read().load(path);
    }
}
