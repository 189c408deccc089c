package io.deepline.pipelines.regression;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Params only regressors have; exposed through {@link HasRegressorParams}. */
public final class RegressorParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> family;
    final Param<String> predictionStdCol;

    public RegressorParamSet(Params owner) {
        family = new Param<>(owner, "family",
                "response distribution: gaussian (identity link, squared error), poisson (exp inverse link,"
                        + " Poisson negative log-likelihood; labels must be non-negative integers) or"
                        + " gaussianHeteroskedastic (a Gaussian whose standard deviation σ = exp(u·h) is predicted too,"
                        + " trained by the Gaussian negative log-likelihood; one numeric label) (default gaussian)",
                Validators.oneOfIgnoringCase("gaussian", "poisson", "gaussianHeteroskedastic"));
        predictionStdCol = new Param<>(owner, "predictionStdCol",
                "output column of the predicted standard deviation σ of family=gaussianHeteroskedastic; the empty"
                        + " string leaves it out; ignored by the other families (default predictionStd)",
                Validators.of(v -> v != null));
    }
}
