package io.deepline.pipelines.classification;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** Classifier-only Params, shared by the estimator and its model. */
public interface HasClassifierParams<S extends HasClassifierParams<S>> extends Params {

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

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setBinaryOutput(String value) {
        set(binaryOutput(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
