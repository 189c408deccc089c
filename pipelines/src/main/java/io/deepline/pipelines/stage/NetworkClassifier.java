package io.deepline.pipelines.stage;

import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.param.TrainingParamSet;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import io.deepline.pipelines.core.train.HasTrainingListener;
import io.deepline.pipelines.core.train.TrainingListener;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/**
 * A network classifier whose MLlib parent is {@link ProbabilisticClassifier}, so that its model gives MLlib's
 * {@code rawPrediction}, {@code probability} and {@code prediction} columns. Like {@link NetworkEstimator}, it
 * holds the uid, the training Params and the listener; the subclass adds its Params, its schema check and
 * {@code train}, a public {@code (String uid)} constructor that calls
 * {@code super(StageUid.stash(uid))}, and the static {@code read()}/{@code load(path)} Spark's readers look up on
 * the concrete class.
 *
 * @param <F> the features type (a {@code Vector}, or a sequence)
 * @param <S> the concrete classifier, so that setters and {@code copy} return it
 * @param <M> the model it fits
 */
public abstract class NetworkClassifier<F, S extends NetworkClassifier<F, S, M>,
        M extends ProbabilisticClassificationModel<F, M>> extends ProbabilisticClassifier<F, S, M>
        implements HasTrainingListener, HasTrainingParams<S>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TrainingParamSet trainingParams;
    private transient TrainingListener listener = TrainingListener.NONE;

    /** Takes the uid {@link StageUid#stash} handed over before Spark's base constructors ran. */
    protected NetworkClassifier(StageUid.Token token) {
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
        ((NetworkClassifier<?, ?, ?>) copy).listener = listener;
        return copy;
    }

    /** An estimator saves its Params only (Spark's format), so any MLlib reader can list it. */
    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }
}
