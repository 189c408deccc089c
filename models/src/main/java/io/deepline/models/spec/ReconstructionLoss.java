package io.deepline.models.spec;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * How an autoencoder scores its reconstruction x̂ of x (D features), and so its output layer.
 */
public enum ReconstructionLoss {
    /**
     * Squared error with an identity output: (1/D)·Σ_j (x_j − x̂_j)² per example (DL4J's {@code MSE}), the Gaussian
     * log-likelihood up to constants; for any real-valued features (e.g. standardized ones).
     */
    MSE,
    /**
     * Bernoulli cross-entropy with a sigmoid output: −Σ_j [x_j log x̂_j + (1 − x_j) log(1 − x̂_j)] per example (DL4J's
     * {@code XENT}); for features in [0, 1] such as pixel intensities. Values outside [0, 1] make no sense here.
     */
    XENT;

    LossFunction dl4jLoss() {
        return this == MSE ? LossFunction.MSE : LossFunction.XENT;
    }

    Activation outputActivation() {
        return this == MSE ? Activation.IDENTITY : Activation.SIGMOID;
    }

    public static String[] names() {
        return UserNames.of(ReconstructionLoss.class);
    }

    public static ReconstructionLoss parse(String name) {
        return UserNames.parse(ReconstructionLoss.class, name, "reconstructionLoss");
    }
}
