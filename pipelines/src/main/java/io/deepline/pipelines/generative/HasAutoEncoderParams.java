package io.deepline.pipelines.generative;

import io.deepline.models.spec.AutoEncoderArchitecture;
import io.deepline.models.spec.AutoEncoderSpec;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ReconstructionLoss;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.HasActivationParams;
import io.deepline.pipelines.core.param.HasArchitectureParams;
import io.deepline.pipelines.core.param.HasHiddenLayersParams;
import io.deepline.pipelines.core.param.HasLayerParams;
import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/** The autoencoder's Params (columns, shape, regularisation) next to the shared training Params. */
public interface HasAutoEncoderParams<S extends HasAutoEncoderParams<S>> extends HasTrainingParams<S>,
        HasLayerParams<S>, HasActivationParams<S>, HasHiddenLayersParams<S>, HasArchitectureParams<S> {

    /** This stage's instances of the autoencoder Params. */
    AutoEncoderParamSet autoEncoderParams();

    default Param<String> featuresCol() {
        return autoEncoderParams().featuresCol;
    }

    default Param<String> codeCol() {
        return autoEncoderParams().codeCol;
    }

    default Param<String> reconstructionErrorCol() {
        return autoEncoderParams().reconstructionErrorCol;
    }

    default Param<String> architecture() {
        return autoEncoderParams().architecture;
    }

    default IntArrayParam hiddenLayers() {
        return autoEncoderParams().hiddenLayers;
    }

    default IntParam codeSize() {
        return autoEncoderParams().codeSize;
    }

    default IntArrayParam imageShape() {
        return autoEncoderParams().imageShape;
    }

    default IntArrayParam convFilters() {
        return autoEncoderParams().convFilters;
    }

    default Param<String> activation() {
        return autoEncoderParams().activation;
    }

    default DoubleParam leakyReluSlope() {
        return autoEncoderParams().leakyReluSlope;
    }

    default Param<String> weightInit() {
        return autoEncoderParams().weightInit;
    }

    default DoubleParam dropout() {
        return autoEncoderParams().dropout;
    }

    default DoubleParam l2() {
        return autoEncoderParams().l2;
    }

    default Param<String> reconstructionLoss() {
        return autoEncoderParams().reconstructionLoss;
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String getCodeCol() {
        return getOrDefault(codeCol());
    }

    default String getReconstructionErrorCol() {
        return getOrDefault(reconstructionErrorCol());
    }

    default int getCodeSize() {
        return (Integer) getOrDefault(codeSize());
    }

    /** The image shape, or null when unset (dense). */
    default int[] getImageShape() {
        return isDefined(imageShape()) ? getOrDefault(imageShape()).clone() : null;
    }

    default int[] getConvFilters() {
        return getOrDefault(convFilters()).clone();
    }

    default String getReconstructionLoss() {
        return getOrDefault(reconstructionLoss());
    }

    /** Sets the documented defaults; call from the stage's constructor. imageShape has none on purpose. */
    default void setAutoEncoderDefaults() {
        setDefault(featuresCol(), "features");
        setDefault(codeCol(), "code");
        setDefault(reconstructionErrorCol(), "reconstructionError");
        setDefault(architecture(), "dense");
        setDefault(hiddenLayers(), new int[] {64});
        setDefault(codeSize(), 8);
        setDefault(convFilters(), new int[] {16, 32});
        setDefault(activation(), "relu");
        setDefault(leakyReluSlope(), 0.01);
        setDefault(weightInit(), "auto");
        setDefault(dropout(), 0.0);
        setDefault(l2(), 0.0);
        setDefault(reconstructionLoss(), "mse");
    }

    /** The validated network spec these Params describe. */
    default AutoEncoderSpec toAutoEncoderSpec() {
        AutoEncoderArchitecture kind = AutoEncoderArchitecture.parse(getArchitecture());
        if (kind == AutoEncoderArchitecture.CONV && getImageShape() == null) {
            throw new IllegalArgumentException("architecture is conv but imageShape is not set; set imageShape to"
                    + " the images' [channels, height, width], e.g. [1, 8, 8]");
        }
        return AutoEncoderSpec.builder()
                .architecture(kind)
                .hiddenLayers(getHiddenLayers())
                .codeSize(getCodeSize())
                .imageShape(getImageShape())
                .convFilters(getConvFilters())
                .activation(HiddenActivation.parse(getActivation()))
                .leakyReluSlope(getLeakyReluSlope())
                .dropout(getDropout())
                .reconstructionLoss(ReconstructionLoss.parse(getReconstructionLoss()))
                .training(toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2()))
                .build();
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFeaturesCol(String value) {
        set(featuresCol(), value);
        return self();
    }

    default S setCodeCol(String value) {
        set(codeCol(), value);
        return self();
    }

    default S setReconstructionErrorCol(String value) {
        set(reconstructionErrorCol(), value);
        return self();
    }

    default S setCodeSize(int value) {
        set(codeSize(), value);
        return self();
    }

    default S setImageShape(int[] value) {
        set(imageShape(), value);
        return self();
    }

    default S setConvFilters(int[] value) {
        set(convFilters(), value);
        return self();
    }

    default S setReconstructionLoss(String value) {
        set(reconstructionLoss(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
