package io.deepline.models.spec;

/** The value checks of the specs ({@link MlpSpec}, {@link SequenceSpec}, {@link CnnSpec} ...), each message naming the field, its value and the allowed range. */
final class SpecChecks {
    private SpecChecks() {
    }

    /** The dense hidden-layer sizes: a list (empty for a GLM) of positive sizes. */
    static void checkHiddenLayers(int[] hiddenLayers) {
        if (hiddenLayers == null) {
            throw new IllegalArgumentException("hiddenLayers must be a list of sizes, e.g. [64, 32], or [] for a GLM");
        }
        for (int i = 0; i < hiddenLayers.length; i++) {
            if (hiddenLayers[i] <= 0) {
                throw new IllegalArgumentException("hiddenLayers[" + i + "] is " + hiddenLayers[i]
                        + "; every hidden layer size must be > 0");
            }
        }
    }

    /** The hidden layers' activation and dropout, for specs whose initialisation and optimizer are checked elsewhere. */
    static void checkHidden(HiddenActivation activation, double leakyReluSlope, double dropout) {
        checkActivation(activation, leakyReluSlope);
        checkDropout(dropout);
    }

    private static void checkActivation(HiddenActivation activation, double leakyReluSlope) {
        if (activation == null) {
            throw new IllegalArgumentException("activation must be set; use one of "
                    + String.join(", ", HiddenActivation.names()));
        }
        if (!(leakyReluSlope > 0.0 && leakyReluSlope < 1.0)) {
            throw new IllegalArgumentException("leakyReluSlope is " + leakyReluSlope
                    + "; the slope ε of leakyrelu for negative inputs must be in (0, 1)");
        }
    }

    static void checkDropout(double dropout) {
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException("dropout is " + dropout
                    + "; it is the probability of dropping a unit and must be in [0, 1)");
        }
    }

    /** The settings every spec shares: initialisation, dropout, weight decay and the optimizer. */
    static void checkTraining(WeightInitScheme weightInit, double dropout, double l2, UpdaterKind updater,
                              double learningRate, double momentum) {
        if (weightInit == null) {
            throw new IllegalArgumentException("weightInit must be set; use one of "
                    + String.join(", ", WeightInitScheme.names()));
        }
        checkDropout(dropout);
        if (!(l2 >= 0.0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 is " + l2 + "; it must be a finite number >= 0");
        }
        if (updater == null) {
            throw new IllegalArgumentException("updater must be set; use one of " + String.join(", ", UpdaterKind.names()));
        }
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate is " + learningRate + "; it must be a finite number > 0");
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum is " + momentum + "; the momentum β must be in [0, 1)");
        }
    }
}
