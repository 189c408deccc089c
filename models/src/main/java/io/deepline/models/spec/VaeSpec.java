package io.deepline.models.spec;

import io.deepline.models.state.NetworkSnapshot;
import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * A variational autoencoder (Kingma &amp; Welling, "Auto-Encoding Variational Bayes", ICLR 2014): an encoder
 * q(z|x) = N(μ(x), diag σ²(x)) through {@code encoderLayers}, a latent z of {@code latentSize} with prior
 * p(z) = N(0, I), and a decoder p(x|z) through {@code decoderLayers} ({@link ReconstructionKind}: Bernoulli or
 * Gaussian). Training maximises the evidence lower bound
 * <pre>ELBO(x) = E_q(z|x)[log p(x|z)] − KL(q(z|x) ‖ p(z))</pre>
 * estimated with {@code numSamples} reparameterised draws z = μ + σ ⊙ ε, ε ~ N(0, I), per example; the loss is
 * the negative ELBO averaged over the mini-batch (plus the L2 penalty). The KL term is the closed form
 * −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²).
 *
 * <p>The network is DL4J's {@link VariationalAutoencoder} layer alone, as a one-layer {@link MultiLayerNetwork}:
 * its output ({@code activate}) is the mean μ(x) of q(z|x). DL4J trains it through its unsupervised
 * ("pretrain") path only; see {@code io.deepline.models.optim.VaeElboStep}. Validated on construction.
 *
 * @param encoderLayers  hidden sizes of the encoder, input side first, at least one, each &gt; 0
 * @param decoderLayers  hidden sizes of the decoder, latent side first, at least one, each &gt; 0
 * @param latentSize     dimension of z, &gt; 0
 * @param activation     of every encoder and decoder hidden layer
 * @param reconstruction the decoder's distribution p(x|z)
 * @param numSamples     draws of z per example for the ELBO's expectation during training, &gt; 0
 * @param training       initialisation, weight decay, optimizer and seed
 */
public record VaeSpec(int[] encoderLayers, int[] decoderLayers, int latentSize, HiddenActivation activation,
                      ReconstructionKind reconstruction, int numSamples, NetworkTraining training) {

    public VaeSpec {
        encoderLayers = checkedSizes(encoderLayers, "encoderLayers");
        decoderLayers = checkedSizes(decoderLayers, "decoderLayers");
        if (latentSize <= 0) {
            throw new IllegalArgumentException("latentSize is " + latentSize + "; the latent dimension must be > 0");
        }
        if (activation == null || reconstruction == null || training == null) {
            throw new IllegalArgumentException("a VaeSpec needs its activation (one of "
                    + String.join(", ", HiddenActivation.names()) + "), reconstruction distribution (one of "
                    + String.join(", ", ReconstructionKind.names()) + ") and training settings; got activation="
                    + activation + ", reconstruction=" + reconstruction + ", training=" + training);
        }
        if (numSamples <= 0) {
            throw new IllegalArgumentException("numSamples is " + numSamples + "; the ELBO needs at least 1 draw of z"
                    + " per example");
        }
    }

    private static int[] checkedSizes(int[] sizes, String name) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException(name + " must list at least one hidden layer size, e.g. [64]; got "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + sizes[i]
                        + "; every hidden layer size must be > 0");
            }
        }
        return sizes.clone();
    }

    @Override
    public int[] encoderLayers() {
        return encoderLayers.clone();
    }

    @Override
    public int[] decoderLayers() {
        return decoderLayers.clone();
    }

    /** The DL4J configuration (float32 params) for {@code nIn} input features. */
    public MultiLayerConfiguration toConfiguration(int nIn) {
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features is " + nIn + "; it must be > 0");
        }
        VariationalAutoencoder vae = new VariationalAutoencoder.Builder()
                .nIn(nIn).nOut(latentSize)
                .encoderLayerSizes(encoderLayers).decoderLayerSizes(decoderLayers)
                .activation(activation.dl4j(0.01))
                // μ and log σ² of q(z|x) are unbounded: identity, as in Kingma & Welling's Gaussian MLP encoder.
                .pzxActivationFunction(Activation.IDENTITY)
                .reconstructionDistribution(reconstruction.dl4j())
                .numSamples(numSamples)
                .build();
        return training.global(activation).list().layer(vae).build();
    }

    /** A freshly initialised network; the same spec always gives the same initial weights. */
    public MultiLayerNetwork buildNetwork(int nIn) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(nIn));
        net.init();
        return net;
    }

    public NetworkSnapshot initialState(int nIn) {
        return NetworkSnapshot.of(buildNetwork(nIn));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaeSpec s && Arrays.equals(encoderLayers, s.encoderLayers)
                && Arrays.equals(decoderLayers, s.decoderLayers) && latentSize == s.latentSize
                && activation == s.activation && reconstruction == s.reconstruction && numSamples == s.numSamples
                && training.equals(s.training);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(encoderLayers) + Arrays.hashCode(decoderLayers))
                + Objects.hash(latentSize, activation, reconstruction, numSamples, training);
    }

    @Override
    public String toString() {
        return "VaeSpec[encoderLayers=" + Arrays.toString(encoderLayers) + ", decoderLayers="
                + Arrays.toString(decoderLayers) + ", latentSize=" + latentSize + ", activation=" + activation
                + ", reconstruction=" + reconstruction + ", numSamples=" + numSamples + ", training=" + training + "]";
    }
}
