package io.deepline.pipelines.stage;

import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.util.MLWritable;

/**
 * A fitted network stage whose MLlib parent is a plain {@link Model}. It holds the uid (the estimator's, handed
 * over before Spark's base constructors run) and the training Params the estimator's values are copied into; the
 * subclass adds its Params, its fitted state, {@code transform}, a deep {@code copy}, its writer, a public
 * {@code (String uid)} constructor that calls {@code super(StageUid.stash(uid))}, and the static
 * {@code read()}/{@code load(path)} Spark's readers look up on the concrete class.
 *
 * @param <M> the concrete model, so that setters return it
 */
public abstract class NetworkModel<M extends NetworkModel<M>> extends Model<M>
        implements HasFittedNetwork, HasTrainingParams<M>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TrainingParamSet trainingParams;

    /** Takes the uid {@link StageUid#stash} handed over before Spark's base constructors ran. */
    protected NetworkModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.trainingParams = new TrainingParamSet(this);
        setTrainingDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public final TrainingParamSet trainingParams() {
        return trainingParams;
    }
}
