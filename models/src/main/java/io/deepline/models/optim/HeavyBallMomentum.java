package io.deepline.models.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Classical (heavy-ball, Polyak) momentum exactly as the course's §5.2, as a DL4J updater configuration:
 * <pre>
 *   V_t     = β·V_{t−1} + ∇ℓ(W_t),   V_0 = 0
 *   W_{t+1} = W_t − α·V_t
 * </pre>
 * Use it like any DL4J updater: {@code new NeuralNetConfiguration.Builder().updater(new HeavyBallMomentum(0.1, 0.9))}.
 *
 * <p>This is not DL4J's {@link org.nd4j.linalg.learning.config.Nesterovs}, which takes a Nesterov look-ahead step
 * and keeps the learning rate inside its velocity. Here V is a plain weighted sum of raw gradients, so it is
 * linear in the gradients: the mean of several workers' V equals the V of their mean gradient, which is what
 * parameter averaging assumes. With β = 0 it is plain SGD.
 *
 * <p>JSON: DL4J's {@code IUpdater} serialises fields (not getters) with the class name; the
 * {@link JsonCreator} constructor below checks the values again when a configuration is read back.
 */
public final class HeavyBallMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_LEARNING_RATE = 0.1;
    public static final double DEFAULT_MOMENTUM = 0.9;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;

    /** α = 0.1, β = 0.9. */
    public HeavyBallMomentum() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate α, finite and &gt; 0
     * @param momentum     β, in [0, 1)
     */
    public HeavyBallMomentum(double learningRate, double momentum) {
        this(learningRate, null, momentum);
    }

    /** α from {@code learningRateSchedule} at each (iteration, epoch); β fixed, in [0, 1). */
    public HeavyBallMomentum(ISchedule learningRateSchedule, double momentum) {
        this(Double.NaN, UpdaterChecks.schedule(learningRateSchedule), momentum);
    }

    @JsonCreator
    private HeavyBallMomentum(@JsonProperty("learningRate") double learningRate,
                              @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                              @JsonProperty("momentum") double momentum) {
        UpdaterChecks.learningRate(learningRate, learningRateSchedule);
        UpdaterChecks.decayRate("momentum", momentum);
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
    }

    /** The fixed α; NaN when a schedule gives it. */
    public double getLearningRate() {
        return learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public double getMomentum() {
        return momentum;
    }

    /** One V per parameter. */
    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public HeavyBallMomentumUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        HeavyBallMomentumUpdater updater = new HeavyBallMomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public HeavyBallMomentumUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        HeavyBallMomentumUpdater updater = new HeavyBallMomentumUpdater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** Called by DL4J's {@code NetworkUtils.setLearningRate}; checked like the constructor. */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        UpdaterChecks.learningRate(lr, lrSchedule);
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public HeavyBallMomentum clone() {
        return new HeavyBallMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                momentum);
    }

    // DL4J groups parameters that have equal updater configurations into one updater block, so equals matters.
    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBallMomentum h && Double.compare(learningRate, h.learningRate) == 0
                && Double.compare(momentum, h.momentum) == 0
                && Objects.equals(learningRateSchedule, h.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, momentum);
    }

    @Override
    public String toString() {
        return "HeavyBallMomentum(learningRate=" + learningRate + ", learningRateSchedule=" + learningRateSchedule
                + ", momentum=" + momentum + ")";
    }
}
