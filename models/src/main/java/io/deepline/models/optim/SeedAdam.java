package io.deepline.models.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Adam exactly as the course's §5.3, as a DL4J updater configuration. With g = ∇ℓ(W_t) and t = 1 for the first
 * update:
 * <pre>
 *   V_t = β1·V_{t−1} + (1−β1)·g          S_t = β2·S_{t−1} + (1−β2)·g²
 *   V̂ = V_t / (1−β1^t)                   Ŝ = S_t / (1−β2^t)
 *   W_{t+1} = W_t − α / (√Ŝ + ε) ⊙ V̂
 * </pre>
 * Use: {@code new NeuralNetConfiguration.Builder().updater(new SeedAdam(1e-3))}.
 *
 * <p>DL4J's own {@link org.nd4j.linalg.learning.config.Adam} folds the bias corrections into the step size and
 * adds ε to the uncorrected √S, i.e. its ε is effectively ε/√(1−β2^t) in this formula (≈ 31.6·ε at t = 1); it
 * differs from this one when gradients are small. {@code Dl4jAdamDifferenceTest} measures by how much.
 *
 * <p>JSON: fields are serialised with the class name (DL4J's {@code IUpdater} convention); the
 * {@link JsonCreator} constructor checks the values again when a configuration is read back.
 */
public final class SeedAdam implements IUpdater {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double beta1;
    private double beta2;
    private double epsilon;

    /** α = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public SeedAdam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** The given α with the default β1, β2 and ε. */
    public SeedAdam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate α, finite and &gt; 0
     * @param beta1        decay of the first moment V, in [0, 1)
     * @param beta2        decay of the second moment S, in [0, 1)
     * @param epsilon      ε added to √Ŝ, finite and &gt; 0
     */
    public SeedAdam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, null, beta1, beta2, epsilon);
    }

    /** α from {@code learningRateSchedule} at each (iteration, epoch), with the default β1, β2 and ε. */
    public SeedAdam(ISchedule learningRateSchedule) {
        this(Double.NaN, UpdaterChecks.schedule(learningRateSchedule), DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** α from {@code learningRateSchedule} at each (iteration, epoch), with the given β1, β2 and ε. */
    public SeedAdam(ISchedule learningRateSchedule, double beta1, double beta2, double epsilon) {
        this(Double.NaN, UpdaterChecks.schedule(learningRateSchedule), beta1, beta2, epsilon);
    }

    @JsonCreator
    private SeedAdam(@JsonProperty("learningRate") double learningRate,
                     @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                     @JsonProperty("beta1") double beta1,
                     @JsonProperty("beta2") double beta2,
                     @JsonProperty("epsilon") double epsilon) {
        UpdaterChecks.learningRate(learningRate, learningRateSchedule);
        UpdaterChecks.decayRate("beta1", beta1);
        UpdaterChecks.decayRate("beta2", beta2);
        UpdaterChecks.positiveFinite("epsilon", epsilon, "1e-8");
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The fixed α; NaN when a schedule gives it. */
    public double getLearningRate() {
        return learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public double getBeta1() {
        return beta1;
    }

    public double getBeta2() {
        return beta2;
    }

    public double getEpsilon() {
        return epsilon;
    }

    /** V and S: two values per parameter, laid out as [V of every parameter, S of every parameter]. */
    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public SeedAdamUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        SeedAdamUpdater updater = new SeedAdamUpdater(this);
        // The gradient this block will receive is a [1, n] row: half the state view.
        long[] gradientShape = {1, viewArray.length() / 2};
        updater.setStateViewArray(viewArray, gradientShape, viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public SeedAdamUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        SeedAdamUpdater updater = new SeedAdamUpdater(this);
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
    public SeedAdam clone() {
        return new SeedAdam(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                beta1, beta2, epsilon);
    }

    // DL4J groups parameters that have equal updater configurations into one updater block, so equals matters.
    @Override
    public boolean equals(Object o) {
        return o instanceof SeedAdam a && Double.compare(learningRate, a.learningRate) == 0
                && Double.compare(beta1, a.beta1) == 0 && Double.compare(beta2, a.beta2) == 0
                && Double.compare(epsilon, a.epsilon) == 0
                && Objects.equals(learningRateSchedule, a.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "SeedAdam(learningRate=" + learningRate + ", learningRateSchedule=" + learningRateSchedule
                + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
