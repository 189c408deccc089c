package io.deepline.pipelines.regression;

import io.deepline.models.spec.OutputHead;
import java.util.Locale;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** Regressor-only Params, shared by the estimator and its model. */
public interface HasRegressorParams extends Params {

    RegressorParamSet regressorParams();

    default Param<String> family() {
        return regressorParams().family;
    }

    default String getFamily() {
        return getOrDefault(family()).trim().toLowerCase(Locale.ROOT);
    }

    default boolean isPoisson() {
        return getFamily().equals("poisson");
    }

    /** The output head for {@code outputs} responses of this family. */
    default OutputHead outputHead(int outputs) {
        return isPoisson() ? OutputHead.poisson(outputs) : OutputHead.gaussian(outputs);
    }

    default void setRegressorDefaults() {
        setDefault(family(), "gaussian");
    }
}
