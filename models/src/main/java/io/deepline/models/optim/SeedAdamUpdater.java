package io.deepline.models.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The state and step of {@link SeedAdam}. State: the first moment V and the second moment S, zero at the start.
 * {@link #applyUpdater} turns the gradient, in place, into α·V̂ / (√Ŝ + ε); DL4J then subtracts it from the
 * parameters.
 */
public final class SeedAdamUpdater implements GradientUpdater<SeedAdam> {
    /** Key of the first moment V in {@link #getState()}. */
    public static final String V_STATE = "V";
    /** Key of the second moment S in {@link #getState()}. */
    public static final String S_STATE = "S";

    private final SeedAdam config;
    private INDArray v;
    private INDArray s;

    public SeedAdamUpdater(SeedAdam config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null; pass the SeedAdam configuration");
        }
        this.config = config;
    }

    @Override
    public SeedAdam getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        this.v = StateViews.named(stateMap, V_STATE, 2, initialize);
        this.s = StateViews.named(stateMap, S_STATE, 2, initialize);
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put(V_STATE, v);
        state.put(S_STATE, s);
        return state;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        this.v = StateViews.part(viewArray, 0, 2, gradientShape, gradientOrder, initialize);
        this.s = StateViews.part(viewArray, 1, 2, gradientShape, gradientOrder, initialize);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (v == null || s == null) {
            throw new IllegalStateException("the updater has no state; DL4J calls setStateViewArray first");
        }
        double alpha = config.getLearningRate(iteration, epoch);
        double beta1 = config.getBeta1();
        double beta2 = config.getBeta2();
        // DL4J counts iterations from 0; the course's bias correction counts updates from t = 1.
        int t = iteration + 1;

        INDArray first = StateViews.shapedLike(v, gradient);
        INDArray second = StateViews.shapedLike(s, gradient);

        second.muli(beta2).addi(gradient.mul(gradient).muli(1.0 - beta2));
        first.muli(beta1).addi(gradient.muli(1.0 - beta1)); // the gradient is scratch space from here on
        INDArray denominator = Transforms.sqrt(second.div(1.0 - Math.pow(beta2, t)), false).addi(config.getEpsilon());
        gradient.assign(first).divi(1.0 - Math.pow(beta1, t)).divi(denominator).muli(alpha);
    }
}
