package io.deepline.models.optim;

import java.util.Collections;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The state and step of {@link HeavyBallMomentum}. State: V, one value per parameter, zero at the start.
 * {@link #applyUpdater} turns the gradient g, in place, into the update α·V_t with V_t = β·V_{t−1} + g; DL4J then
 * subtracts it from the parameters.
 */
public final class HeavyBallMomentumUpdater implements GradientUpdater<HeavyBallMomentum> {
    /** Key of V in {@link #getState()}. */
    public static final String V_STATE = "V";

    private final HeavyBallMomentum config;
    private INDArray v;

    public HeavyBallMomentumUpdater(HeavyBallMomentum config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null; pass the HeavyBallMomentum configuration");
        }
        this.config = config;
    }

    @Override
    public HeavyBallMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        this.v = StateViews.named(stateMap, V_STATE, 1, initialize);
    }

    @Override
    public Map<String, INDArray> getState() {
        return Collections.singletonMap(V_STATE, v);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        this.v = StateViews.part(viewArray, 0, 1, gradientShape, gradientOrder, initialize);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (v == null) {
            throw new IllegalStateException("the updater has no state; DL4J calls setStateViewArray first");
        }
        double alpha = config.getLearningRate(iteration, epoch);
        INDArray velocity = StateViews.shapedLike(v, gradient);
        velocity.muli(config.getMomentum()).addi(gradient);
        gradient.assign(velocity).muli(alpha);
    }
}
