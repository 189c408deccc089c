package io.deepline.pipelines.core.param;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * Which network a family builds ({@code architecture}: e.g. lenet or vgg, dense or conv, rnn or transformer). Each
 * family's Param set owns the Param object with its own choices and default; this interface adds the getter and
 * the fluent setter once.
 */
public interface HasArchitectureParams<S extends HasArchitectureParams<S>> extends Params {

    Param<String> architecture();

    default String getArchitecture() {
        return getOrDefault(architecture());
    }

    /** One of the family's architectures, as its Param doc lists them. */
    default S setArchitecture(String value) {
        set(architecture(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
