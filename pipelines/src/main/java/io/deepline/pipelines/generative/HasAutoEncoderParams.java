package io.deepline.pipelines.generative;

import io.deepline.models.spec.AutoEncoderArchitecture;
import io.deepline.models.spec.AutoEncoderSpec;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.ReconstructionLoss;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.param.HasTrainingParams;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/** The autoencoder's Params (columns, shape, regularisation) next to the shared training Params. */
public interface HasAutoEncoderParams extends HasTrainingParams {

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

    default String getArchitecture() {
        return getOrDefault(architecture());
    }

    default int[] getHiddenLayers() {
        return getOrDefault(hiddenLayers()).clone();
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

    default String getActivation() {
        return getOrDefault(activation());
    }

    default double getLeakyReluSlope() {
        return (Double) getOrDefault(leakyReluSlope());
    }

    default String getWeightInit() {
        return getOrDefault(weightInit());
    }

    default double getDropout() {
        return (Double) getOrDefault(dropout());
    }

    default double getL2() {
        return (Double) getOrDefault(l2());
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
                .training(new NetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2(),
                        UpdaterKind.parse(getUpdater()), getLearningRate(), getMomentum(),
                        getLearningRateSchedule(), getSeed()))
                .build();
    }
}
