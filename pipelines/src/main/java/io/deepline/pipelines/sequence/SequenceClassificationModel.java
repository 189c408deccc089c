package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.param.StageUid;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link SequenceClassifier}. {@code transform} scores sequences in padded batches on the executors;
 * {@code predict(sequence)} scores one on the driver with the same answer.
 */
public class SequenceClassificationModel extends SequenceClassificationModelBase<SequenceClassificationModel>
        implements HasSequenceParams<SequenceClassificationModel>, SequencePoolingParam<SequenceClassificationModel> {
    private static final long serialVersionUID = 1L;

    private final SequenceParamSet sequenceParams;
    private final Param<String> pooling;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public SequenceClassificationModel() {
        this(Identifiable$.MODULE$.randomUID("sequenceClassifier"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public SequenceClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private SequenceClassificationModel(StageUid.Token token) {
        super(token);
        this.sequenceParams = new SequenceParamSet(this);
        this.pooling = SequencePoolingParam.create(this);
        setSequenceDefaults();
        setDefault(pooling, "last");
    }

    SequenceClassificationModel(String uid, FittedNetwork fitted, SequenceInput input, int numClasses) {
        this(uid);
        setState(fitted, input, numClasses);
    }

    @Override
    protected SequenceClassificationModel newModel(String uid) {
        return new SequenceClassificationModel(uid);
    }

    @Override
    protected String estimatorName() {
        return "SequenceClassifier";
    }

    @Override
    public SequenceParamSet sequenceParams() {
        return sequenceParams;
    }

    @Override
    public Param<String> pooling() {
        return pooling;
    }

    public static MLReader<SequenceClassificationModel> read() {
        return new SequenceModelPersistence.Reader<>(SequenceClassificationModel.class,
                SequenceClassificationModel::setState);
    }

    public static SequenceClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "SequenceClassificationModel: uid=" + uid() + ", cell=" + getCell() + ", hiddenSize=" + getHiddenSize()
                + ", numFeatures=" + numFeatures() + ", numClasses=" + numClasses();
    }
}
