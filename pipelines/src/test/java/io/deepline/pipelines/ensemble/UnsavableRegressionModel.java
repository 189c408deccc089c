package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.param.StageUid;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;

/** A real (if trivial) regression model that predicts the first feature and, unlike MLlib's, cannot be saved. */
final class UnsavableRegressionModel extends RegressionModel<Vector, UnsavableRegressionModel> {
    private static final long serialVersionUID = 1L;
    private final String uid;

    UnsavableRegressionModel(String uid) {
        this(StageUid.stash(uid));
    }

    private UnsavableRegressionModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public double predict(Vector features) {
        return features.apply(0);
    }

    @Override
    public UnsavableRegressionModel copy(ParamMap extra) {
        return copyValues(new UnsavableRegressionModel(uid), extra);
    }
}
