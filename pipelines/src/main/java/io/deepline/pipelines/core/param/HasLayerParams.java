package io.deepline.pipelines.core.param;

import org.apache.spark.ml.param.DoubleParam;

/**
 * The weight Params plus {@code dropout}, for the network families that drop units between layers (all but the
 * variational autoencoder). As in {@link HasWeightParams}, the family's Param set owns the Param object.
 */
public interface HasLayerParams<S extends HasLayerParams<S>> extends HasWeightParams<S> {

    DoubleParam dropout();

    default double getDropout() {
        return (Double) getOrDefault(dropout());
    }

    default S setDropout(double value) {
        set(dropout(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
