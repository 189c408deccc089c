package io.deepline.pipelines.core.param;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * How a network's weights start and how much they decay: {@code weightInit} and {@code l2}, which every network
 * family has. The family's own Param set owns the Param objects (their docs and validators differ); the family
 * interface returns them from {@link #weightInit()} and {@link #l2()}, and this interface adds the getters and the
 * fluent setters once for all families.
 */
public interface HasWeightParams<S extends HasWeightParams<S>> extends Params {

    Param<String> weightInit();

    DoubleParam l2();

    default String getWeightInit() {
        return getOrDefault(weightInit());
    }

    default double getL2() {
        return (Double) getOrDefault(l2());
    }

    default S setWeightInit(String value) {
        set(weightInit(), value);
        return self();
    }

    default S setL2(double value) {
        set(l2(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
