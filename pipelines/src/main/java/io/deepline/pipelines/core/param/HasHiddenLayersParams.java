package io.deepline.pipelines.core.param;

import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Params;

/**
 * The sizes of a dense stack of hidden layers ({@code hiddenLayers}), in the MLP and the dense autoencoder. The
 * family's Param set owns the Param object; this interface adds the getter and the fluent setter once.
 */
public interface HasHiddenLayersParams<S extends HasHiddenLayersParams<S>> extends Params {

    IntArrayParam hiddenLayers();

    /** A copy, so that a caller cannot change the Param's value in place. */
    default int[] getHiddenLayers() {
        return getOrDefault(hiddenLayers()).clone();
    }

    default S setHiddenLayers(int[] value) {
        set(hiddenLayers(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
