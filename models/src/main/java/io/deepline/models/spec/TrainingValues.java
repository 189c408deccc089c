package io.deepline.models.spec;

/**
 * The spec builders' editable copy of a {@link NetworkTraining}: the builders keep their one-value setters
 * ({@code learningRate(..)}, {@code seed(..)} ...), which may pass through invalid intermediate states, so the values
 * are collected here and checked once, by {@link NetworkTraining}'s constructor, in {@link #build()}.
 */
final class TrainingValues {
    WeightInitScheme weightInit;
    double l2;
    UpdaterKind updater;
    double learningRate;
    double momentum;
    LearningRateSchedule lrSchedule;
    long seed;
    AdamMoments adam;

    TrainingValues(NetworkTraining from) {
        set(from);
    }

    /** Starts from {@link NetworkTraining#defaults()}. */
    TrainingValues() {
        this(NetworkTraining.defaults());
    }

    void set(NetworkTraining from) {
        if (from == null) {
            throw new IllegalArgumentException("training must be set, e.g. NetworkTraining.defaults()");
        }
        weightInit = from.weightInit();
        l2 = from.l2();
        updater = from.updater();
        learningRate = from.learningRate();
        momentum = from.momentum();
        lrSchedule = from.lrSchedule();
        seed = from.seed();
        adam = from.adam();
    }

    /** The checked settings; throws IllegalArgumentException naming the first bad value. */
    NetworkTraining build() {
        return new NetworkTraining(weightInit, l2, updater, learningRate, momentum, lrSchedule, seed, adam);
    }
}
