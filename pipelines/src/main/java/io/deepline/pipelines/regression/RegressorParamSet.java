package io.deepline.pipelines.regression;

import io.deepline.pipelines.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Params only regressors have; exposed through {@link HasRegressorParams}. */
public final class RegressorParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> family;

    public RegressorParamSet(Params owner) {
        family = new Param<>(owner, "family",
                "response distribution: gaussian (identity link, squared error) or poisson (exp inverse link,"
                        + " Poisson negative log-likelihood; labels must be non-negative integers) (default gaussian)",
                Validators.oneOfIgnoringCase("gaussian", "poisson"));
    }
}
