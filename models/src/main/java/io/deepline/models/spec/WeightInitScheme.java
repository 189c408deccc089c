package io.deepline.models.spec;

import org.deeplearning4j.nn.weights.WeightInit;

/** How weights start (course §4.5.3); biases always start at zero. */
public enum WeightInitScheme {
    /** Xavier / Glorot uniform: W ~ Uniform(±√6 / √(D_l + D_{l+1})) (eq. 28); for sigmoid and tanh. */
    XAVIER,
    /** He / Kaiming normal: W ~ Normal(0, variance 2 / D_l) (eq. 29); for the ReLU family. */
    HE,
    /** Xavier for sigmoid and tanh, He for relu and leakyrelu. */
    AUTO;

    /** The DL4J scheme that implements this choice for layers with {@code activation}. */
    public WeightInit dl4j(HiddenActivation activation) {
        return switch (this) {
            case XAVIER -> WeightInit.XAVIER_UNIFORM;
            case HE -> WeightInit.RELU;
            case AUTO -> activation == HiddenActivation.RELU || activation == HiddenActivation.LEAKYRELU
                    ? WeightInit.RELU : WeightInit.XAVIER_UNIFORM;
        };
    }

    public static String[] names() {
        return UserNames.of(WeightInitScheme.class);
    }

    public static WeightInitScheme parse(String name) {
        return UserNames.parse(WeightInitScheme.class, name, "weightInit");
    }
}
