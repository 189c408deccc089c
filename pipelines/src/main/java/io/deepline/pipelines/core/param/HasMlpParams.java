package io.deepline.pipelines.core.param;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.Normalization;
import io.deepline.models.spec.WeightInitScheme;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;

/**
 * The shape of a feedforward network as Spark Params. Spark finds Params by reflection over public
 * no-argument methods, which these default methods are.
 */
public interface HasMlpParams<S extends HasMlpParams<S>> extends HasTrainingParams<S>, HasLayerParams<S>,
        HasActivationParams<S>, HasHiddenLayersParams<S> {

    /** This stage's instances of the MLP Params. */
    MlpParamSet mlpParams();

    default IntArrayParam hiddenLayers() {
        return mlpParams().hiddenLayers;
    }

    default Param<String> activation() {
        return mlpParams().activation;
    }

    default DoubleParam dropout() {
        return mlpParams().dropout;
    }

    default DoubleParam l2() {
        return mlpParams().l2;
    }

    default DoubleParam leakyReluSlope() {
        return mlpParams().leakyReluSlope;
    }

    default Param<String> weightInit() {
        return mlpParams().weightInit;
    }

    default BooleanParam fitIntercept() {
        return mlpParams().fitIntercept;
    }

    default Param<String> normalization() {
        return mlpParams().normalization;
    }

    default Param<String> batchNormPosition() {
        return mlpParams().batchNormPosition;
    }

    default BooleanParam residual() {
        return mlpParams().residual;
    }

    default boolean getResidual() {
        return (Boolean) getOrDefault(residual());
    }

    default String getNormalization() {
        return getOrDefault(normalization());
    }

    default String getBatchNormPosition() {
        return getOrDefault(batchNormPosition());
    }

    default boolean getFitIntercept() {
        return (Boolean) getOrDefault(fitIntercept());
    }

    /** Sets the documented defaults; call from the stage's constructor. */
    default void setMlpDefaults() {
        setDefault(hiddenLayers(), new int[] {64, 32});
        setDefault(activation(), "relu");
        setDefault(dropout(), 0.0);
        setDefault(l2(), 0.0);
        setDefault(leakyReluSlope(), 0.01);
        setDefault(weightInit(), "auto");
        setDefault(fitIntercept(), true);
        setDefault(normalization(), "none");
        setDefault(batchNormPosition(), "before");
        setDefault(residual(), false);
    }

    /** The validated network spec these Params describe. */
    default MlpSpec toMlpSpec() {
        return MlpSpec.builder()
                .hiddenLayers(getHiddenLayers())
                .activation(HiddenActivation.parse(getActivation()))
                .leakyReluSlope(getLeakyReluSlope())
                .dropout(getDropout())
                .training(toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2()))
                .normalization(Normalization.of(getNormalization(), getBatchNormPosition()))
                .residual(getResidual())
                .fitIntercept(getFitIntercept())
                .build();
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFitIntercept(boolean value) {
        set(fitIntercept(), value);
        return self();
    }

    default S setNormalization(String value) {
        set(normalization(), value);
        return self();
    }

    default S setBatchNormPosition(String value) {
        set(batchNormPosition(), value);
        return self();
    }

    default S setResidual(boolean value) {
        set(residual(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
