package io.deepline.pipelines.core.param;

import io.deepline.models.spec.AdamMoments;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.WeightInitScheme;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.SparkSession;

/**
 * Distributed-training and inference Params shared by every Deepline estimator and model: the optimizer
 * ({@link HasOptimizerParams}), checkpoints and fault tolerance ({@link HasFaultToleranceParams}), and here the
 * data-parallel loop (batch size, epochs, workers, averaging), validation and early stopping, weights and the
 * course's gradient diagnostics.
 */
public interface HasTrainingParams<S extends HasTrainingParams<S>>
        extends HasOptimizerParams<S>, HasFaultToleranceParams<S> {

    /**
     * The optimizer, learning-rate schedule, seed and Adam moments of these Params, with the stage's own weight
     * initialisation and weight decay: what every network spec of a stage takes.
     */
    default NetworkTraining toNetworkTraining(WeightInitScheme weightInit, double l2) {
        return new NetworkTraining(weightInit, l2, UpdaterKind.parse(getUpdater()), getLearningRate(),
                getMomentum(), getLearningRateSchedule(), getSeed(), getAdamMoments());
    }

    default DoubleParam gradientNormStop() {
        return trainingParams().gradientNormStop;
    }

    /** The gradient-norm stopping threshold, 0 when it is off. */
    default double getGradientNormStop() {
        return (Double) getOrDefault(gradientNormStop());
    }

    default BooleanParam gradientDiagnostics() {
        return trainingParams().gradientDiagnostics;
    }

    /** Whether the history records per-layer gradient norms and dead-ReLU shares per epoch. */
    default boolean getGradientDiagnostics() {
        return (Boolean) getOrDefault(gradientDiagnostics());
    }

    default IntParam batchSize() {
        return trainingParams().batchSize;
    }

    default IntParam maxEpochs() {
        return trainingParams().maxEpochs;
    }

    default LongParam seed() {
        return trainingParams().seed;
    }

    default IntParam numWorkers() {
        return trainingParams().numWorkers;
    }

    default IntParam averagingFrequency() {
        return trainingParams().averagingFrequency;
    }

    default IntParam inferenceBatchSize() {
        return trainingParams().inferenceBatchSize;
    }

    default Param<String> weightCol() {
        return trainingParams().weightCol;
    }

    default DoubleParam validationFraction() {
        return trainingParams().validationFraction;
    }

    default Param<String> validationIndicatorCol() {
        return trainingParams().validationIndicatorCol;
    }

    default IntParam earlyStoppingPatience() {
        return trainingParams().earlyStoppingPatience;
    }

    default DoubleParam earlyStoppingMinDelta() {
        return trainingParams().earlyStoppingMinDelta;
    }

    /** The weight column's name, or null when rows are unweighted. */
    default String weightColOrNull() {
        return isDefined(weightCol()) && !getOrDefault(weightCol()).isEmpty() ? getOrDefault(weightCol()) : null;
    }

    /** The validation indicator column's name, or null when there is none. */
    default String validationIndicatorColOrNull() {
        return isDefined(validationIndicatorCol()) && !getOrDefault(validationIndicatorCol()).isEmpty()
                ? getOrDefault(validationIndicatorCol()) : null;
    }

    default double getValidationFraction() {
        return (Double) getOrDefault(validationFraction());
    }

    default int getEarlyStoppingPatience() {
        return (Integer) getOrDefault(earlyStoppingPatience());
    }

    default double getEarlyStoppingMinDelta() {
        return (Double) getOrDefault(earlyStoppingMinDelta());
    }

    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    default int getMaxEpochs() {
        return (Integer) getOrDefault(maxEpochs());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    default int getAveragingFrequency() {
        return (Integer) getOrDefault(averagingFrequency());
    }

    default int getInferenceBatchSize() {
        return (Integer) getOrDefault(inferenceBatchSize());
    }

    /** {@code numWorkers} if set, else the session's default parallelism. */
    default int resolveNumWorkers(SparkSession spark) {
        return isDefined(numWorkers()) ? (Integer) getOrDefault(numWorkers())
                : Math.max(1, spark.sparkContext().defaultParallelism());
    }

    /** Sets the documented defaults; call from the stage's constructor. numWorkers has none on purpose. */
    default void setTrainingDefaults() {
        setDefault(updater(), "adam");
        setDefault(learningRate(), 1e-3);
        setDefault(momentum(), 0.9);
        setDefault(adamBeta1(), AdamMoments.DEFAULT.beta1());
        setDefault(adamBeta2(), AdamMoments.DEFAULT.beta2());
        setDefault(adamEpsilon(), AdamMoments.DEFAULT.epsilon());
        setDefault(gradientNormStop(), 0.0);
        setDefault(gradientDiagnostics(), false);
        setDefault(lrSchedule(), "none");
        setDefault(lrDecay(), 0.5);
        setDefault(lrDecayEpochs(), 10);
        setDefault(batchSize(), 32);
        setDefault(maxEpochs(), 10);
        setDefault(seed(), 42L);
        setDefault(averagingFrequency(), 5);
        setDefault(inferenceBatchSize(), 256);
        setDefault(validationFraction(), 0.0);
        setDefault(earlyStoppingPatience(), 0);
        setDefault(earlyStoppingMinDelta(), 0.0);
        setDefault(checkpointDir(), "");
        setDefault(checkpointInterval(), 1);
        setDefault(checkpointMode(), "resume");
        setDefault(divergenceFactor(), 3.0);
        setDefault(syncMode(), "auto");
        setDefault(maxEpochRetries(), 3);
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    /** Stops the fit after the first epoch whose gradient norm is below {@code value}; 0 turns it off. */
    default S setGradientNormStop(double value) {
        set(gradientNormStop(), value);
        return self();
    }

    /** Records per-layer gradient norms and dead-ReLU shares per epoch in the training history. */
    default S setGradientDiagnostics(boolean value) {
        set(gradientDiagnostics(), value);
        return self();
    }

    default S setBatchSize(int value) {
        set(batchSize(), value);
        return self();
    }

    default S setMaxEpochs(int value) {
        set(maxEpochs(), value);
        return self();
    }

    default S setSeed(long value) {
        set(seed(), value);
        return self();
    }

    default S setNumWorkers(int value) {
        set(numWorkers(), value);
        return self();
    }

    default S setAveragingFrequency(int value) {
        set(averagingFrequency(), value);
        return self();
    }

    default S setInferenceBatchSize(int value) {
        set(inferenceBatchSize(), value);
        return self();
    }

    default S setWeightCol(String value) {
        set(weightCol(), value);
        return self();
    }

    default S setValidationFraction(double value) {
        set(validationFraction(), value);
        return self();
    }

    default S setValidationIndicatorCol(String value) {
        set(validationIndicatorCol(), value);
        return self();
    }

    default S setEarlyStoppingPatience(int value) {
        set(earlyStoppingPatience(), value);
        return self();
    }

    default S setEarlyStoppingMinDelta(double value) {
        set(earlyStoppingMinDelta(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

}
