package io.deepline.pipelines.vision;

import io.deepline.pipelines.classification.ClassifierParamSet;
import io.deepline.pipelines.classification.VectorClassificationModelBase;
import io.deepline.pipelines.classification.VectorClassifierFitting;
import io.deepline.pipelines.core.param.StageUid;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link ImageClassifier}: the CNN's class probabilities of each image row, scored in batches on the
 * executors as every {@link VectorClassificationModelBase} is.
 */
public class ImageClassificationModel extends VectorClassificationModelBase<ImageClassificationModel>
        implements HasImageParams<ImageClassificationModel> {
    private static final long serialVersionUID = 1L;

    private final ImageParamSet imageParams;
    private final ClassifierParamSet classifierParams;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public ImageClassificationModel() {
        this(Identifiable$.MODULE$.randomUID("imageClassifier"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public ImageClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private ImageClassificationModel(StageUid.Token token) {
        super(token);
        this.imageParams = new ImageParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setImageDefaults();
        setClassifierDefaults();
    }

    ImageClassificationModel(String uid, VectorClassifierFitting.Fitted fitted) {
        this(uid);
        setState(fitted);
    }

    @Override
    protected ImageClassificationModel newModel(String uid) {
        return new ImageClassificationModel(uid);
    }

    @Override
    protected String estimatorName() {
        return "ImageClassifier";
    }

    @Override
    public ImageParamSet imageParams() {
        return imageParams;
    }

    @Override
    public ClassifierParamSet classifierParams() {
        return classifierParams;
    }

    /** Also checks, where the column's metadata records it, that its vectors are images of the trained shape. */
    @Override
    public StructType transformSchema(StructType schema) {
        StructType output = super.transformSchema(schema);
        ImageSizeCheck.requireMatchesSchema(schema, getFeaturesCol(), getImageShape());
        return output;
    }

    public static MLReader<ImageClassificationModel> read() {
        return readerOf(ImageClassificationModel.class, ImageClassificationModel::new);
    }

    public static ImageClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "ImageClassificationModel: uid=" + uid() + ", imageShape=" + getImageShape() + ", numClasses="
                + numClasses() + ", architecture=" + getArchitecture();
    }
}
