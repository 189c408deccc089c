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

    /** family=gaussianHeteroskedastic: the network predicts the mean and log σ of one response (course §1.3). */
    default boolean isHeteroskedastic() {
        return getFamily().equals("gaussianheteroskedastic");
    }

    default Param<String> predictionStdCol() {
        return regressorParams().predictionStdCol;
    }

    default String getPredictionStdCol() {
        return getOrDefault(predictionStdCol());
    }

    /** The σ column this stage writes: empty unless the family is heteroskedastic and the column is named. */
    default String stdColumnOrEmpty() {
        return isHeteroskedastic() ? getPredictionStdCol() : "";
    }

    /** The output head for {@code outputs} responses of this family. */
    default OutputHead outputHead(int outputs) {
        if (isHeteroskedastic()) {
            if (outputs != 1) {
                throw new IllegalArgumentException("family=gaussianHeteroskedastic predicts one response, but the"
                        + " label column holds vectors of " + outputs + "; use a numeric label or family=gaussian");
            }
            return OutputHead.gaussianHeteroskedastic();
        }
        return isPoisson() ? OutputHead.poisson(outputs) : OutputHead.gaussian(outputs);
    }

    default void setRegressorDefaults() {
        setDefault(family(), "gaussian");
        setDefault(predictionStdCol(), "predictionStd");
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFamily(String value) {
        set(family(), value);
        return self();
    }

    /** The σ column of family=gaussianHeteroskedastic; "" leaves it out. */
    default S setPredictionStdCol(String value) {
        set(predictionStdCol(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
