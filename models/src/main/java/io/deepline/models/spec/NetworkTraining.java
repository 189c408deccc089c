package io.deepline.models.spec;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How a network starts and learns: its initialisation, weight decay, optimizer and seed. Validated on construction.
 *
 * @param weightInit   xavier, he, or auto (He for ReLU layers, Xavier for the rest)
 * @param l2           λ of the penalty λ·Σ‖W‖² on the weights, &gt;= 0
 * @param updater      the optimizer
 * @param learningRate &gt; 0
 * @param momentum     β in [0, 1) for the momentum updaters
 * @param lrSchedule   how the learning rate changes per iteration
 * @param seed         fixes the initial weights (and dropout masks)
 * @param adam         Adam's β1, β2 and ε (read by the Adam updater only)
 */
public record NetworkTraining(WeightInitScheme weightInit, double l2, UpdaterKind updater, double learningRate,
                              double momentum, LearningRateSchedule lrSchedule, long seed, AdamMoments adam) {

    public NetworkTraining {
        SpecChecks.checkTraining(weightInit, 0.0, l2, updater, learningRate, momentum);
        if (lrSchedule == null) {
            throw new IllegalArgumentException("lrSchedule must be set, e.g. LearningRateSchedule.NONE");
        }
        if (adam == null) {
            throw new IllegalArgumentException("adam must be set, e.g. AdamMoments.DEFAULT");
        }
    }

    /** Settings with Adam's default moments ({@link AdamMoments#DEFAULT}). */
    public NetworkTraining(WeightInitScheme weightInit, double l2, UpdaterKind updater, double learningRate,
                           double momentum, LearningRateSchedule lrSchedule, long seed) {
        this(weightInit, l2, updater, learningRate, momentum, lrSchedule, seed, AdamMoments.DEFAULT);
    }

    /** These settings with Adam's β1, β2 and ε from {@code value}. */
    public NetworkTraining withAdam(AdamMoments value) {
        return new NetworkTraining(weightInit, l2, updater, learningRate, momentum, lrSchedule, seed, value);
    }

    /** Adam at 1e-3, auto initialisation, no weight decay, seed 42. */
    public static NetworkTraining defaults() {
        return new NetworkTraining(WeightInitScheme.AUTO, 0.0, UpdaterKind.ADAM, 1e-3,
                UpdaterKind.DEFAULT_MOMENTUM, LearningRateSchedule.NONE, 42);
    }

    /** The network-wide DL4J settings; {@code defaultActivation} picks auto's scheme for layers without their own. */
    NeuralNetConfiguration.Builder global(HiddenActivation defaultActivation) {
        return GlobalSettings.of(seed, optimizer(), weightInit.dl4j(defaultActivation), l2);
    }

    /** The optimizer for vertices, which DL4J does not give the global one. */
    IUpdater vertexUpdater() {
        return optimizer();
    }

    /** The DL4J updater these settings describe: a new instance on each call, as DL4J configurations own theirs. */
    IUpdater optimizer() {
        return updater.create(learningRate, lrSchedule.toSchedule(learningRate), momentum, adam);
    }

    /** DL4J's L2 coefficient c = 2λ (its penalty is (c/2)·Σw²), for vertices. */
    double vertexL2() {
        return 2 * l2;
    }
}
