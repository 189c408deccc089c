package io.deepline.models.spec;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimizers a spec may name, and how each becomes a DL4J updater. */
public enum UpdaterKind {
    /** Plain stochastic gradient descent: w ← w − η∇L. */
    SGD,
    /** Nesterov accelerated gradient with momentum 0.9 (DL4J's default momentum). */
    NESTEROVS,
    /** Adam (Kingma and Ba, 2015) with DL4J's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    ADAM;

    /** Momentum used by {@link #NESTEROVS}. */
    public static final double NESTEROV_MOMENTUM = 0.9;

    public IUpdater create(double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, NESTEROV_MOMENTUM);
            case ADAM -> new Adam(learningRate);
        };
    }

    /** The lower-case names users write in Params and YAML. */
    public static String[] names() {
        return UserNames.of(UpdaterKind.class);
    }

    /** Parses a user-facing name, case-insensitively, with an error that lists the choices. */
    public static UpdaterKind parse(String name) {
        return UserNames.parse(UpdaterKind.class, name, "updater");
    }
}
