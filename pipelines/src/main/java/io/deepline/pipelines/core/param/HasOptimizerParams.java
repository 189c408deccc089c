package io.deepline.pipelines.core.param;

import io.deepline.models.spec.AdamMoments;
import io.deepline.models.spec.LearningRateSchedule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The optimizer Params of a network stage (course ch. 5): the updater, its learning rate, momentum and Adam's
 * moments, and the learning-rate schedule. Part of {@link HasTrainingParams}; backed by its {@link TrainingParamSet}.
 */
public interface HasOptimizerParams<S extends HasOptimizerParams<S>> extends Params {

    /** This stage's instances of the training Params. */
    TrainingParamSet trainingParams();

    default Param<String> updater() {
        return trainingParams().updater;
    }

    default DoubleParam learningRate() {
        return trainingParams().learningRate;
    }

    default DoubleParam momentum() {
        return trainingParams().momentum;
    }

    default DoubleParam adamBeta1() {
        return trainingParams().adamBeta1;
    }

    default DoubleParam adamBeta2() {
        return trainingParams().adamBeta2;
    }

    default DoubleParam adamEpsilon() {
        return trainingParams().adamEpsilon;
    }

    /** Adam's β1, β2 and ε these Params give (the other updaters ignore them). */
    default AdamMoments getAdamMoments() {
        return new AdamMoments((Double) getOrDefault(adamBeta1()), (Double) getOrDefault(adamBeta2()),
                (Double) getOrDefault(adamEpsilon()));
    }

    default Param<String> lrSchedule() {
        return trainingParams().lrSchedule;
    }

    default DoubleParam lrDecay() {
        return trainingParams().lrDecay;
    }

    default IntParam lrDecayEpochs() {
        return trainingParams().lrDecayEpochs;
    }

    /** The validated learning-rate schedule these Params describe. */
    default LearningRateSchedule getLearningRateSchedule() {
        return new LearningRateSchedule(LearningRateSchedule.parseKind(getOrDefault(lrSchedule())),
                (Double) getOrDefault(lrDecay()), (Integer) getOrDefault(lrDecayEpochs()));
    }

    default String getUpdater() {
        return getOrDefault(updater());
    }

    default double getLearningRate() {
        return (Double) getOrDefault(learningRate());
    }

    default double getMomentum() {
        return (Double) getOrDefault(momentum());
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setUpdater(String value) {
        set(updater(), value);
        return self();
    }

    default S setLearningRate(double value) {
        set(learningRate(), value);
        return self();
    }

    default S setMomentum(double value) {
        set(momentum(), value);
        return self();
    }

    default S setAdamBeta1(double value) {
        set(adamBeta1(), value);
        return self();
    }

    default S setAdamBeta2(double value) {
        set(adamBeta2(), value);
        return self();
    }

    default S setAdamEpsilon(double value) {
        set(adamEpsilon(), value);
        return self();
    }

    default S setLrSchedule(String value) {
        set(lrSchedule(), value);
        return self();
    }

    default S setLrDecay(double value) {
        set(lrDecay(), value);
        return self();
    }

    default S setLrDecayEpochs(int value) {
        set(lrDecayEpochs(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
