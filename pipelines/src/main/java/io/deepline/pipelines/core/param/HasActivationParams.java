package io.deepline.pipelines.core.param;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The hidden activation and the slope of leaky ReLU, read together by the families that offer leaky ReLU (MLP,
 * convolutional, autoencoder). The family's Param set owns the Param objects; this interface adds the getters and
 * the fluent setters once.
 */
public interface HasActivationParams<S extends HasActivationParams<S>> extends Params {

    Param<String> activation();

    DoubleParam leakyReluSlope();

    default String getActivation() {
        return getOrDefault(activation());
    }

    default double getLeakyReluSlope() {
        return (Double) getOrDefault(leakyReluSlope());
    }

    default S setActivation(String value) {
        set(activation(), value);
        return self();
    }

    default S setLeakyReluSlope(double value) {
        set(leakyReluSlope(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
