package io.deepline.models.spec;

import io.deepline.models.activations.ActivationExp;
import io.deepline.models.losses.LossGaussianNll;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossPoisson;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The output layer of a network as a GLM (course §1.4, §2.3): the distribution of the response fixes the
 * inverse link (output activation) and the loss, its negative log-likelihood.
 *
 * @param family the response distribution
 * @param size   number of output units
 */
public record OutputHead(Family family, int size) {

    /** Response distributions and their canonical inverse links. */
    public enum Family {
        /** K classes: softmax, multi-class cross-entropy (course eq. 18–19). */
        CATEGORICAL,
        /** Two classes as one unit: logistic sigmoid, binary cross-entropy (course eq. 13). */
        BERNOULLI,
        /** Real values: identity link, squared error (the Gaussian negative log-likelihood up to constants). */
        GAUSSIAN,
        /** Counts: exp inverse link, Poisson negative log-likelihood ŷ − y·log ŷ (up to log y!). */
        POISSON,
        /**
         * One real response with its own noise (course §1.3): two identity units, the mean μ and log σ (σ = exp{u·h},
         * linear in the last hidden layer), trained by the Gaussian negative log-likelihood {@link LossGaussianNll}.
         */
        GAUSSIAN_HETEROSKEDASTIC
    }

    public OutputHead {
        if (family == null) {
            throw new IllegalArgumentException("an output head needs a family");
        }
        if (size < 1) {
            throw new IllegalArgumentException("an output head needs at least one unit, got " + size);
        }
        if (family == Family.CATEGORICAL && size < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + size);
        }
        if (family == Family.GAUSSIAN_HETEROSKEDASTIC && size != 2) {
            throw new IllegalArgumentException("a heteroskedastic Gaussian head has exactly 2 units (mean, log σ) for"
                    + " one response, got " + size);
        }
        if (family == Family.BERNOULLI && size != 1) {
            throw new IllegalArgumentException("a Bernoulli (sigmoid) head has exactly 1 unit, got " + size);
        }
    }

    public static OutputHead categorical(int numClasses) {
        return new OutputHead(Family.CATEGORICAL, numClasses);
    }

    public static OutputHead bernoulli() {
        return new OutputHead(Family.BERNOULLI, 1);
    }

    public static OutputHead gaussian(int outputs) {
        return new OutputHead(Family.GAUSSIAN, outputs);
    }

    public static OutputHead poisson(int outputs) {
        return new OutputHead(Family.POISSON, outputs);
    }

    /** Mean and log standard deviation of one real response. */
    public static OutputHead gaussianHeteroskedastic() {
        return new OutputHead(Family.GAUSSIAN_HETEROSKEDASTIC, 2);
    }

    /** The inverse link. */
    public IActivation activation() {
        return switch (family) {
            case CATEGORICAL -> Activation.SOFTMAX.getActivationFunction();
            case BERNOULLI -> Activation.SIGMOID.getActivationFunction();
            case GAUSSIAN, GAUSSIAN_HETEROSKEDASTIC -> Activation.IDENTITY.getActivationFunction();
            case POISSON -> new ActivationExp();
        };
    }

    /**
     * The negative log-likelihood, averaged over the mini-batch by DL4J.
     *
     * <p>The Gaussian head keeps DL4J's {@code LossMSE}, which is the course's squared error (eq. 23) for one output
     * but divides by the number of outputs K for K &gt; 1: the loss per row is (1/K)·Σ_k (ŷ_k − y_k)² where the
     * course's vectorised loss (§4.5.1) sums over k. The minimiser is the same; the gradient, hence plain SGD's step,
     * is 1/K of the course's (a learning rate of α/K), and Adam's step, invariant to the loss scale, is unchanged.
     * Measured in MultiOutputGaussianLossTest. It is kept because for K = 1 it is the course's loss and because
     * changing it would change the losses and learning rates of existing multi-output models.
     */
    public ILossFunction loss() {
        return switch (family) {
            case CATEGORICAL -> new LossMCXENT();
            case BERNOULLI -> new LossBinaryXENT();
            case GAUSSIAN -> new LossMSE();
            case POISSON -> new LossPoisson();
            case GAUSSIAN_HETEROSKEDASTIC -> new LossGaussianNll();
        };
    }
}
