package io.deepline.pipelines.sequence;

import io.deepline.models.spec.TransformerShape;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Params;

/** A Transformer stack's sizes as Spark Params (public no-argument accessors, which Spark finds by reflection). */
public interface HasTransformerParams<S extends HasTransformerParams<S>> extends Params {

    /** This stage's instances of the Transformer Params. */
    TransformerParamSet transformerParams();

    default IntParam modelDim() {
        return transformerParams().modelDim;
    }

    default IntParam numHeads() {
        return transformerParams().numHeads;
    }

    default IntParam ffDim() {
        return transformerParams().ffDim;
    }

    default IntParam numLayers() {
        return transformerParams().numLayers;
    }

    default BooleanParam preNorm() {
        return transformerParams().preNorm;
    }

    default int getModelDim() {
        return (Integer) getOrDefault(modelDim());
    }

    default int getNumHeads() {
        return (Integer) getOrDefault(numHeads());
    }

    default int getFfDim() {
        return (Integer) getOrDefault(ffDim());
    }

    default int getNumLayers() {
        return (Integer) getOrDefault(numLayers());
    }

    default boolean getPreNorm() {
        return (Boolean) getOrDefault(preNorm());
    }

    /** Sets the documented defaults ({@link TransformerShape#small()}); call from the stage's constructor. */
    default void setTransformerDefaults() {
        TransformerShape small = TransformerShape.small();
        setDefault(modelDim(), small.modelDim());
        setDefault(numHeads(), small.numHeads());
        setDefault(ffDim(), small.ffDim());
        setDefault(numLayers(), small.numLayers());
        setDefault(preNorm(), small.preNorm());
    }

    /** The validated sizes, with {@code dropout} from the stage's own dropout Param. */
    default TransformerShape toTransformerShape(double dropout) {
        return new TransformerShape(getModelDim(), getNumHeads(), getFfDim(), getNumLayers(), dropout, getPreNorm());
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setModelDim(int value) {
        set(modelDim(), value);
        return self();
    }

    default S setNumHeads(int value) {
        set(numHeads(), value);
        return self();
    }

    default S setFfDim(int value) {
        set(ffDim(), value);
        return self();
    }

    default S setNumLayers(int value) {
        set(numLayers(), value);
        return self();
    }

    default S setPreNorm(boolean value) {
        set(preNorm(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
