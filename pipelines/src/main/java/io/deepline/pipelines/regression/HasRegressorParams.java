package io.deepline.pipelines.regression;

import io.deepline.models.spec.OutputHead;
import java.util.Locale;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** Regressor-only Params, shared by the estimator and its model. */
public interface HasRegressorParams<S extends HasRegressorParams<S>> extends Params {

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

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFamily(String value) {
        set(family(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
