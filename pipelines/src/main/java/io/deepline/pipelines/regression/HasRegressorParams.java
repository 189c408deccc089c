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
}
