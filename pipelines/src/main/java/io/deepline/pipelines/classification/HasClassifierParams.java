package io.deepline.pipelines.classification;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** Classifier-only Params, shared by the estimator and its model. */
public interface HasClassifierParams extends Params {

    ClassifierParamSet classifierParams();

    default Param<String> binaryOutput() {
        return classifierParams().binaryOutput;
    }

    default String getBinaryOutput() {
        return getOrDefault(binaryOutput()).trim().toLowerCase(java.util.Locale.ROOT);
    }

    default void setClassifierDefaults() {
        setDefault(binaryOutput(), "softmax");
    }
}
