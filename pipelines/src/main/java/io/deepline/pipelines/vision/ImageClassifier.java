package io.deepline.pipelines.vision;

import io.deepline.models.spec.CnnSpec;
import io.deepline.pipelines.classification.ClassifierParamSet;
import io.deepline.pipelines.classification.HasClassifierParams;
import io.deepline.pipelines.classification.VectorClassifierFitting;
import io.deepline.pipelines.core.data.SchemaChecks;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.stage.NetworkClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
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
public class ImageClassifier extends NetworkClassifier<Vector, ImageClassifier, ImageClassificationModel>
        implements HasImageParams<ImageClassifier>, HasClassifierParams<ImageClassifier> {
    private static final long serialVersionUID = 1L;

    private final ImageParamSet imageParams;
    private final ClassifierParamSet classifierParams;

    public ImageClassifier() {
        this(Identifiable$.MODULE$.randomUID("imageClassifier"));
    }

    public ImageClassifier(String uid) {
        super(StageUid.stash(uid));
        this.imageParams = new ImageParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setImageDefaults();
        setClassifierDefaults();
    }

    @Override
    public ImageParamSet imageParams() {
        return imageParams;
    }

    @Override
    public ClassifierParamSet classifierParams() {
        return classifierParams;
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
                }, trainingListener());
        return new ImageClassificationModel(uid(), fitted);
    }

    // ---- persistence ----

    public static MLReader<ImageClassifier> read() {
        return ParamsOnlyPersistence.reader(ImageClassifier.class);
    }

    public static ImageClassifier load(String path) {
        return read().load(path);
    }
}
