package io.deepline.models.spec;

import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.ReconstructionDistribution;
import org.nd4j.linalg.activations.Activation;

/** The decoder's distribution p(x|z) of a variational autoencoder (Kingma &amp; Welling 2014, appendix C). */
public enum ReconstructionKind {
    /** Independent Bernoulli pixels, mean sigmoid(decoder output); the data must lie in [0, 1]. */
    BERNOULLI,
    /** Independent Gaussians with a learned mean (identity) and log-variance per feature; any real data. */
    GAUSSIAN;

    /** The DL4J distribution. */
    public ReconstructionDistribution dl4j() {
        return switch (this) {
            case BERNOULLI -> new BernoulliReconstructionDistribution(Activation.SIGMOID);
            case GAUSSIAN -> new GaussianReconstructionDistribution(Activation.IDENTITY);
        };
    }

    /** The lower-case names users write in Params and YAML. */
    public static String[] names() {
        return UserNames.of(ReconstructionKind.class);
    }

    /** Parses a user-facing name, case-insensitively, with an error that lists the choices. */
    public static ReconstructionKind parse(String name) {
        return UserNames.parse(ReconstructionKind.class, name, "reconstructionDistribution");
    }
}
