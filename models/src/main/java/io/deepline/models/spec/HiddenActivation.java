package io.deepline.models.spec;

import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * The activations a hidden layer may use, each paired with the weight initialisation that keeps the variance
 * of activations steady through depth: He (Kaiming) for the ReLU family, Xavier (Glorot) for the saturating ones.
 */
public enum HiddenActivation {
    SIGMOID(Activation.SIGMOID, WeightInit.XAVIER),
    TANH(Activation.TANH, WeightInit.XAVIER),
    RELU(Activation.RELU, WeightInit.RELU),
    LEAKYRELU(Activation.LEAKYRELU, WeightInit.RELU);

    private final Activation dl4jActivation;
    private final WeightInit weightInit;

    HiddenActivation(Activation dl4jActivation, WeightInit weightInit) {
        this.dl4jActivation = dl4jActivation;
        this.weightInit = weightInit;
    }

    public Activation dl4jActivation() {
        return dl4jActivation;
    }

    public WeightInit weightInit() {
        return weightInit;
    }

    /** The lower-case names users write in Params and YAML. */
    public static String[] names() {
        return UserNames.of(HiddenActivation.class);
    }

    /** Parses a user-facing name, case-insensitively, with an error that lists the choices. */
    public static HiddenActivation parse(String name) {
        return UserNames.parse(HiddenActivation.class, name, "activation");
    }
}
