package io.deepline.pipelines.generative;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.ReconstructionKind;
import io.deepline.models.spec.VaeSpec;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.param.HasWeightParams;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/** The Params of {@link VariationalAutoEncoder} and its model: columns, network shape and training. */
public interface HasVaeParams<S extends HasVaeParams<S>> extends HasTrainingParams<S>, HasWeightParams<S> {

    VaeParamSet vaeParams();

    default Param<String> featuresCol() {
        return vaeParams().featuresCol;
    }

    default Param<String> latentMeanCol() {
        return vaeParams().latentMeanCol;
    }

    default Param<String> reconstructionLogProbCol() {
        return vaeParams().reconstructionLogProbCol;
    }

    default IntArrayParam encoderLayers() {
        return vaeParams().encoderLayers;
    }

    default IntArrayParam decoderLayers() {
        return vaeParams().decoderLayers;
    }

    default IntParam latentSize() {
        return vaeParams().latentSize;
    }

    default Param<String> activation() {
        return vaeParams().activation;
    }

    default Param<String> reconstructionDistribution() {
        return vaeParams().reconstructionDistribution;
    }

    default IntParam trainingSamples() {
        return vaeParams().trainingSamples;
    }

    default IntParam numSamples() {
        return vaeParams().numSamples;
    }

    default DoubleParam l2() {
        return vaeParams().l2;
    }

    default Param<String> weightInit() {
        return vaeParams().weightInit;
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String getLatentMeanCol() {
        return getOrDefault(latentMeanCol());
    }

    default String getReconstructionLogProbCol() {
        return getOrDefault(reconstructionLogProbCol());
    }

    default int[] getEncoderLayers() {
        return getOrDefault(encoderLayers());
    }

    default int[] getDecoderLayers() {
        return getOrDefault(decoderLayers());
    }

    default int getLatentSize() {
        return (Integer) getOrDefault(latentSize());
    }

    default String getActivation() {
        return getOrDefault(activation());
    }

    default String getReconstructionDistribution() {
        return getOrDefault(reconstructionDistribution());
    }

    default ReconstructionKind getReconstructionKind() {
        return ReconstructionKind.parse(getReconstructionDistribution());
    }

    default int getTrainingSamples() {
        return (Integer) getOrDefault(trainingSamples());
    }

    default int getNumSamples() {
        return (Integer) getOrDefault(numSamples());
    }

    /** The network these Params describe. */
    default VaeSpec toVaeSpec() {
        NetworkTraining training = toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2());
        return new VaeSpec(getEncoderLayers(), getDecoderLayers(), getLatentSize(),
                HiddenActivation.parse(getActivation()), getReconstructionKind(), getTrainingSamples(), training);
    }

    /** Sets the defaults; call from the constructor. */
    default void setVaeDefaults() {
        setDefault(featuresCol(), "features");
        setDefault(latentMeanCol(), "latentMean");
        setDefault(reconstructionLogProbCol(), "reconstructionLogProb");
        setDefault(encoderLayers(), new int[] {256});
        setDefault(decoderLayers(), new int[] {256});
        setDefault(latentSize(), 8);
        setDefault(activation(), "relu");
        setDefault(reconstructionDistribution(), "bernoulli");
        setDefault(trainingSamples(), 1);
        setDefault(numSamples(), 16);
        setDefault(l2(), 0.0);
        setDefault(weightInit(), "auto");
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFeaturesCol(String value) {
        set(featuresCol(), value);
        return self();
    }

    default S setLatentMeanCol(String value) {
        set(latentMeanCol(), value);
        return self();
    }

    default S setReconstructionLogProbCol(String value) {
        set(reconstructionLogProbCol(), value);
        return self();
    }

    default S setEncoderLayers(int[] value) {
        set(encoderLayers(), value);
        return self();
    }

    default S setDecoderLayers(int[] value) {
        set(decoderLayers(), value);
        return self();
    }

    default S setLatentSize(int value) {
        set(latentSize(), value);
        return self();
    }

    default S setActivation(String value) {
        set(activation(), value);
        return self();
    }

    default S setReconstructionDistribution(String value) {
        set(reconstructionDistribution(), value);
        return self();
    }

    default S setTrainingSamples(int value) {
        set(trainingSamples(), value);
        return self();
    }

    default S setNumSamples(int value) {
        set(numSamples(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
