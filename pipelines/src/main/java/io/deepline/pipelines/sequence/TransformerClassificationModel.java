package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link TransformerClassifier}, with {@link SequenceClassificationModel}'s columns and behaviour:
 * {@code transform} scores sequences in padded batches on the executors; {@code predict(sequence)} scores one on
 * the driver with the same answer.
 */
public class TransformerClassificationModel extends SequenceClassificationModelBase<TransformerClassificationModel>
        implements HasTransformerClassifierParams<TransformerClassificationModel> {
    private static final long serialVersionUID = 1L;

    private final TransformerClassifierParamSet params;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public TransformerClassificationModel() {
        this(Identifiable$.MODULE$.randomUID("transformerClassifier"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public TransformerClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private TransformerClassificationModel(StageUid.Token token) {
        super(token);
        this.params = new TransformerClassifierParamSet(this);
        setTransformerClassifierDefaults();
    }

    TransformerClassificationModel(String uid, FittedNetwork fitted, SequenceInput input, int numClasses) {
        this(uid);
        setState(fitted, input, numClasses);
    }

    @Override
    protected TransformerClassificationModel newModel(String uid) {
        return new TransformerClassificationModel(uid);
    }

    @Override
    protected String estimatorName() {
        return "TransformerClassifier";
    }

    @Override
    public TransformerClassifierParamSet transformerClassifierParams() {
        return params;
    }

    public static MLReader<TransformerClassificationModel> read() {
        return new SequenceModelPersistence.Reader<>(TransformerClassificationModel.class,
                TransformerClassificationModel::setState);
    }

    public static TransformerClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "TransformerClassificationModel: uid=" + uid() + ", modelDim=" + getModelDim() + ", numHeads="
                + getNumHeads() + ", numLayers=" + getNumLayers() + ", numFeatures=" + numFeatures()
                + ", numClasses=" + numClasses();
    }
}
