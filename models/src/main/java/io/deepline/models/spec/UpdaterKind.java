package io.deepline.models.spec;

import io.deepline.models.optim.HeavyBallMomentum;
import io.deepline.models.optim.SeedAdam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/** The optimizers a spec may name, and how each becomes a DL4J updater. */
public enum UpdaterKind {
    /** Plain stochastic gradient descent: w ← w − η∇L. */
    SGD,
    /** Classical heavy-ball momentum exactly as the course's §5.2: V ← βV + ∇, W ← W − αV. */
    MOMENTUM,
    /** Nesterov accelerated gradient (DL4J's {@code Nesterovs}) with momentum β. */
    NESTEROVS,
    /**
     * Adam exactly as the course's §5.3 ({@link SeedAdam}: ε added to the bias-corrected √Ŝ), with the
     * {@link AdamMoments} β1, β2, ε (default 0.9, 0.999, 1e-8). DL4J's own Adam adds an uncorrected ε (see
     * Dl4jAdamDifferenceTest).
     */
    ADAM;

    /** The default momentum β of the momentum updaters. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    public IUpdater create(double learningRate) {
        return create(learningRate, DEFAULT_MOMENTUM);
    }

    /** The DL4J updater; {@code momentum} is used by the momentum updaters only. */
    public IUpdater create(double learningRate, double momentum) {
        return create(learningRate, null, momentum);
    }

    /**
     * The DL4J updater with a decaying learning rate when {@code schedule} is not null (it then starts at
     * {@code learningRate}); {@code momentum} is used by the momentum updaters only; Adam uses the default moments.
     */
    public IUpdater create(double learningRate, ISchedule schedule, double momentum) {
        return create(learningRate, schedule, momentum, AdamMoments.DEFAULT);
    }

    /**
     * As {@link #create(double, ISchedule, double)}, with Adam's β1, β2 and ε from {@code adam} (the other updaters
     * ignore it).
     */
    public IUpdater create(double learningRate, ISchedule schedule, double momentum, AdamMoments adam) {
        if (schedule == null) {
            return switch (this) {
                case SGD -> new Sgd(learningRate);
                case MOMENTUM -> new HeavyBallMomentum(learningRate, momentum);
                case NESTEROVS -> new Nesterovs(learningRate, momentum);
                case ADAM -> new SeedAdam(learningRate, adam.beta1(), adam.beta2(), adam.epsilon());
            };
        }
        return switch (this) {
            case SGD -> new Sgd(schedule);
            case MOMENTUM -> new HeavyBallMomentum(schedule, momentum);
            case NESTEROVS -> new Nesterovs(schedule, momentum);
            case ADAM -> new SeedAdam(schedule, adam.beta1(), adam.beta2(), adam.epsilon());
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
