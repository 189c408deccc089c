package io.deepline.pipelines.classification;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.param.HasMlpParams;
import io.deepline.pipelines.core.param.MlpParamSet;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.Arrays;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link DeepClassifier}: an MLP's class probabilities, scored as every
 * {@link VectorClassificationModelBase} is.
 */
public class DeepClassificationModel extends VectorClassificationModelBase<DeepClassificationModel>
        implements HasMlpParams<DeepClassificationModel> {
    private static final long serialVersionUID = 1L;

    private final MlpParamSet mlpParams;
    private final ClassifierParamSet classifierParams;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public DeepClassificationModel() {
        this(Identifiable$.MODULE$.randomUID("deepClassifier"));
    }

    /** For Spark's reflection (readers and {@code defaultCopy}); the network is set by the reader. */
    public DeepClassificationModel(String uid) {
        this(StageUid.stash(uid));
    }

    private DeepClassificationModel(StageUid.Token token) {
        super(token);
        this.mlpParams = new MlpParamSet(this);
        this.classifierParams = new ClassifierParamSet(this);
        setMlpDefaults();
        setClassifierDefaults();
    }

    DeepClassificationModel(String uid, NetworkSnapshot network, int numFeatures, int numClasses,
                            TrainingHistory history, Provenance provenance) {
        this(uid);
        setState(network, numFeatures, numClasses, history, provenance);
    }

    @Override
    protected DeepClassificationModel newModel(String uid) {
        return new DeepClassificationModel(uid);
    }

    @Override
    protected String estimatorName() {
        return "DeepClassifier";
    }

    @Override
    public MlpParamSet mlpParams() {
        return mlpParams;
    }

    @Override
    public ClassifierParamSet classifierParams() {
        return classifierParams;
    }

    public static MLReader<DeepClassificationModel> read() {
        return readerOf(DeepClassificationModel.class, DeepClassificationModel::new);
    }

    public static DeepClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "DeepClassificationModel: uid=" + uid() + ", numFeatures=" + numFeatures() + ", numClasses="
                + numClasses() + ", hiddenLayers=" + Arrays.toString(getHiddenLayers());
    }
}
