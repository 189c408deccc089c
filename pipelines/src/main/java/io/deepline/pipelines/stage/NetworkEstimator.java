package io.deepline.pipelines.stage;

import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingListener;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/**
 * A network estimator whose MLlib parent is a plain {@link Estimator} (its columns are its own Params, not a
 * {@code Predictor}'s). It holds the uid, the training Params and the listener; the subclass adds its Params, its
 * schema check and {@code fit}, a public {@code (String uid)} constructor that calls
 * {@code super(StageUid.stash(uid))}, and the static {@code read()}/{@code load(path)} Spark's readers look up on
 * the concrete class.
 *
 * @param <S> the concrete estimator, so that setters and {@code copy} return it
 * @param <M> the model it fits
 */
public abstract class NetworkEstimator<S extends NetworkEstimator<S, M>, M extends Model<M>> extends Estimator<M>
        implements HasTrainingListener, HasTrainingParams<S>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TrainingParamSet trainingParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    /** Takes the uid {@link StageUid#stash} handed over before Spark's base constructors ran. */
    protected NetworkEstimator(StageUid.Token token) {
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

    /** Called on the driver after each epoch. Not a Param: it is not saved, and copies do not share it. */
    @Override
    @SuppressWarnings("unchecked")
    public S setTrainingListener(TrainingListener value) {
        this.listener = value == null ? TrainingListener.NONE : value;
        return (S) this;
    }

    /** The listener the next fit reports to ({@link TrainingListener#NONE} when none was set). */
    protected final TrainingListener trainingListener() {
        return listener;
    }

    /** Spark's copy of the Params; the listener goes with it so that a copied estimator still reports. */
    @Override
    public S copy(ParamMap extra) {
        S copy = defaultCopy(extra);
        ((NetworkEstimator<?, ?>) copy).listener = listener;
        return copy;
    }

    /** An estimator saves its Params only (Spark's format), so any MLlib reader can list it. */
    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }
}
