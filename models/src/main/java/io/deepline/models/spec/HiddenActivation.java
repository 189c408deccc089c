package io.deepline.models.spec;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/** The activations a hidden layer may use (course §4.2, Fig. 14). */
public enum HiddenActivation {
    SIGMOID,
    TANH,
    RELU,
    /** max(εz, z) with a slope ε in (0, 1) for negative inputs. */
    LEAKYRELU;

    /** The DL4J activation; {@code leakyReluSlope} is used by {@link #LEAKYRELU} only. */
    public IActivation dl4j(double leakyReluSlope) {
        return switch (this) {
            case SIGMOID -> Activation.SIGMOID.getActivationFunction();
            case TANH -> Activation.TANH.getActivationFunction();
            case RELU -> Activation.RELU.getActivationFunction();
            case LEAKYRELU -> new ActivationLReLU(leakyReluSlope);
        };
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
