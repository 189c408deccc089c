package io.deepline.models.spec;

import io.deepline.models.layers.WeightedOutput;
import io.deepline.models.state.NetworkSnapshot;
import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * A bottleneck autoencoder (the course notes' chapter 9 names the topic without equations, so this follows Goodfellow,
 * Bengio &amp; Courville, <i>Deep Learning</i>, 2016, §14.1, the undercomplete autoencoder):
 * an encoder f maps x ∈ R^D to a code h = f(x) of {@code codeSize} &lt; D units, a decoder g maps it back to
 * x̂ = g(h), and training minimises the reconstruction loss L(x, g(f(x))) ({@link ReconstructionLoss}), so the
 * code must keep what matters about x. Immutable; every value is checked in {@link Builder#build()}.
 *
 * <p>Layers, as one DL4J layer stack (so the code is the activation of layer {@link #codeLayerIndex()}):
 * <ul>
 *   <li>{@code dense}: dense {@code hiddenLayers} (input side first) → code → the same sizes reversed → output.
 *   <li>{@code conv}: for an image {@code imageShape} = [channels, height, width] given as a flat vector in
 *       channel-major (c, h, w) order, one block per entry of {@code convFilters}: a 3×3 convolution with that many
 *       filters (same padding) and a 2×2 max-pooling that halves height and width; then dense {@code hiddenLayers},
 *       the code, the reversed dense layers and the output. The decoder is dense, not transposed convolutions: it is
 *       simpler, keeps the network a plain layer stack, and reconstructs small images (8×8 digits) well.
 * </ul>
 * The code layer is <em>linear</em> (identity activation): a bottleneck needs no non-linearity of its own, a ReLU
 * code could lose units that die at zero, and a linear autoencoder trained with squared error spans the principal
 * subspace (Baldi &amp; Hornik 1989), so the non-linear one generalises PCA. Hidden layers use {@code activation}.
 * The output has D units: identity with MSE, or sigmoid with cross-entropy for data in [0, 1].
 * {@code dropout} (probability of dropping) applies to the input of every layer but the first, as in {@link MlpSpec}.
 */
public final class AutoEncoderSpec {
    private final AutoEncoderArchitecture architecture;
    private final int[] hiddenLayers;
    private final int codeSize;
    private final int[] imageShape;
    private final int[] convFilters;
    private final HiddenActivation activation;
    private final double leakyReluSlope;
    private final double dropout;
    private final ReconstructionLoss reconstructionLoss;
    private final NetworkTraining training;

    private AutoEncoderSpec(Builder b) {
        this.architecture = b.architecture;
        this.hiddenLayers = b.hiddenLayers.clone();
        this.codeSize = b.codeSize;
        this.imageShape = b.imageShape == null ? null : b.imageShape.clone();
        this.convFilters = b.convFilters.clone();
        this.activation = b.activation;
        this.leakyReluSlope = b.leakyReluSlope;
        this.dropout = b.dropout;
        this.reconstructionLoss = b.reconstructionLoss;
        this.training = b.training;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The DL4J configuration for {@code nIn} input features (float32 params). */
    public MultiLayerConfiguration toConfiguration(int nIn) {
        requireInputSize(nIn);
        NeuralNetConfiguration.ListBuilder layers = training.global(activation).list();
        IActivation hidden = activation.dl4j(leakyReluSlope);
        int layer = 0;
        if (architecture == AutoEncoderArchitecture.CONV) {
            for (int filters : convFilters) {
                layers.layer(withDropout(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(filters)
                        .convolutionMode(ConvolutionMode.Same).activation(hidden), layer++).build());
                layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).build());
                layer++;
            }
        }
        for (int size : hiddenLayers) {
            layers.layer(withDropout(new DenseLayer.Builder().nOut(size).activation(hidden), layer++).build());
        }
        layers.layer(withDropout(new DenseLayer.Builder().nOut(codeSize).activation(Activation.IDENTITY), layer++)
                .build());
        for (int i = hiddenLayers.length - 1; i >= 0; i--) {
            layers.layer(withDropout(new DenseLayer.Builder().nOut(hiddenLayers[i]).activation(hidden), layer++)
                    .build());
        }
        layers.layer(WeightedOutput.of(withDropout(new OutputLayer.Builder(reconstructionLoss.dl4jLoss()).nOut(nIn)
                .activation(reconstructionLoss.outputActivation()), layer)));
        // The input type lets DL4J infer every nIn and, for conv, reshape the flat vector to [c, h, w].
        layers.setInputType(architecture == AutoEncoderArchitecture.CONV
                ? InputType.convolutionalFlat(imageShape[1], imageShape[2], imageShape[0])
                : InputType.feedForward(nIn));
        return layers.build();
    }

    /** A freshly initialised network; the same spec always starts with the same weights. */
    public MultiLayerNetwork buildNetwork(int nIn) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(nIn));
        net.init();
        return net;
    }

    /** The initial state as a snapshot, for the trainer. */
    public NetworkSnapshot initialState(int nIn) {
        return NetworkSnapshot.of(buildNetwork(nIn));
    }

    /** The 0-based index of the code layer in the layer stack; its activations are the code. */
    public int codeLayerIndex() {
        return (architecture == AutoEncoderArchitecture.CONV ? 2 * convFilters.length : 0) + hiddenLayers.length;
    }

    /** Fails unless {@code nIn} features fit this spec (for conv, exactly channels × height × width). */
    public void requireInputSize(int nIn) {
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features is " + nIn + "; it must be > 0");
        }
        if (architecture == AutoEncoderArchitecture.CONV && nIn != imageShape[0] * imageShape[1] * imageShape[2]) {
            throw new IllegalArgumentException("imageShape " + Arrays.toString(imageShape) + " holds "
                    + imageShape[0] * imageShape[1] * imageShape[2] + " values but the features have " + nIn
                    + "; set imageShape to [channels, height, width] of the flattened images");
        }
        if (codeSize >= nIn) {
            throw new IllegalArgumentException("codeSize is " + codeSize + " but the data has only " + nIn
                    + " features; a bottleneck must be narrower than its input (codeSize < " + nIn + ")");
        }
    }

    private <B extends org.deeplearning4j.nn.conf.layers.Layer.Builder<B>> B withDropout(B layer, int index) {
        // DL4J applies a layer's dropout to that layer's input and takes the probability of KEEPING a unit.
        if (index > 0 && dropout > 0) {
            layer.dropOut(1.0 - dropout);
        }
        return layer;
    }

    public AutoEncoderArchitecture architecture() {
        return architecture;
    }

    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    public int codeSize() {
        return codeSize;
    }

    /** [channels, height, width] of a conv spec; null for dense. */
    public int[] imageShape() {
        return imageShape == null ? null : imageShape.clone();
    }

    public int[] convFilters() {
        return convFilters.clone();
    }

    public HiddenActivation activation() {
        return activation;
    }

    public double dropout() {
        return dropout;
    }

    public ReconstructionLoss reconstructionLoss() {
        return reconstructionLoss;
    }

    public NetworkTraining training() {
        return training;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoEncoderSpec s && architecture == s.architecture
                && Arrays.equals(hiddenLayers, s.hiddenLayers) && codeSize == s.codeSize
                && Arrays.equals(imageShape, s.imageShape) && Arrays.equals(convFilters, s.convFilters)
                && activation == s.activation && Double.compare(leakyReluSlope, s.leakyReluSlope) == 0
                && Double.compare(dropout, s.dropout) == 0 && reconstructionLoss == s.reconstructionLoss
                && training.equals(s.training);
    }

    @Override
    public int hashCode() {
        return Objects.hash(architecture, Arrays.hashCode(hiddenLayers), codeSize, Arrays.hashCode(imageShape),
                Arrays.hashCode(convFilters), activation, leakyReluSlope, dropout, reconstructionLoss, training);
    }

    @Override
    public String toString() {
        return "AutoEncoderSpec[architecture=" + architecture + ", hiddenLayers=" + Arrays.toString(hiddenLayers)
                + ", codeSize=" + codeSize + (architecture == AutoEncoderArchitecture.CONV ? ", imageShape="
                + Arrays.toString(imageShape) + ", convFilters=" + Arrays.toString(convFilters) : "")
                + ", activation=" + activation + ", dropout=" + dropout + ", reconstructionLoss=" + reconstructionLoss
                + ", training=" + training + "]";
    }

    /** Collects values; {@link #build()} validates them all, naming the first bad one. */
    public static final class Builder {
        private AutoEncoderArchitecture architecture = AutoEncoderArchitecture.DENSE;
        private int[] hiddenLayers = {64};
        private int codeSize = 8;
        private int[] imageShape;
        private int[] convFilters = {16, 32};
        private HiddenActivation activation = HiddenActivation.RELU;
        private double leakyReluSlope = 0.01;
        private double dropout;
        private ReconstructionLoss reconstructionLoss = ReconstructionLoss.MSE;
        private NetworkTraining training = NetworkTraining.defaults();

        private Builder() {
        }

        public Builder architecture(AutoEncoderArchitecture value) {
            this.architecture = value;
            return this;
        }

        /** Encoder sizes, input side first; the decoder mirrors them. May be empty. */
        public Builder hiddenLayers(int... value) {
            this.hiddenLayers = value == null ? null : value.clone();
            return this;
        }

        public Builder codeSize(int value) {
            this.codeSize = value;
            return this;
        }

        /** [channels, height, width]; conv only. */
        public Builder imageShape(int... value) {
            this.imageShape = value == null ? null : value.clone();
            return this;
        }

        /** Filters of each convolution block, input side first; conv only. */
        public Builder convFilters(int... value) {
            this.convFilters = value == null ? null : value.clone();
            return this;
        }

        public Builder activation(HiddenActivation value) {
            this.activation = value;
            return this;
        }

        public Builder leakyReluSlope(double value) {
            this.leakyReluSlope = value;
            return this;
        }

        public Builder dropout(double value) {
            this.dropout = value;
            return this;
        }

        public Builder reconstructionLoss(ReconstructionLoss value) {
            this.reconstructionLoss = value;
            return this;
        }

        public Builder training(NetworkTraining value) {
            this.training = value;
            return this;
        }

        public AutoEncoderSpec build() {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture must be set; use one of "
                        + String.join(", ", AutoEncoderArchitecture.names()));
            }
            SpecChecks.checkHiddenLayers(hiddenLayers);
            SpecChecks.checkHidden(activation, leakyReluSlope, dropout);
            if (codeSize <= 0) {
                throw new IllegalArgumentException("codeSize is " + codeSize + "; the code layer needs at least one"
                        + " unit");
            }
            if (reconstructionLoss == null) {
                throw new IllegalArgumentException("reconstructionLoss must be set; use one of "
                        + String.join(", ", ReconstructionLoss.names()));
            }
            if (training == null) {
                throw new IllegalArgumentException("training must be set, e.g. NetworkTraining.defaults()");
            }
            if (architecture == AutoEncoderArchitecture.CONV) {
                checkConv();
            } else {
                imageShape = null;
            }
            return new AutoEncoderSpec(this);
        }

        private void checkConv() {
            if (imageShape == null || imageShape.length != 3 || Arrays.stream(imageShape).anyMatch(v -> v <= 0)) {
                throw new IllegalArgumentException("imageShape is " + Arrays.toString(imageShape) + "; architecture"
                        + " conv needs the image's [channels, height, width], each > 0, e.g. [1, 8, 8]");
            }
            if (convFilters == null || convFilters.length == 0 || Arrays.stream(convFilters).anyMatch(v -> v <= 0)) {
                throw new IllegalArgumentException("convFilters is " + Arrays.toString(convFilters) + "; architecture"
                        + " conv needs one filter count > 0 per convolution block, e.g. [16, 32]");
            }
            int halvings = convFilters.length;
            if ((imageShape[1] >> halvings) == 0 || (imageShape[2] >> halvings) == 0) {
                throw new IllegalArgumentException("convFilters " + Arrays.toString(convFilters) + " has " + halvings
                        + " blocks, each halving the image, but a " + imageShape[1] + "×" + imageShape[2]
                        + " image can be halved only " + (31 - Integer.numberOfLeadingZeros(
                        Math.min(imageShape[1], imageShape[2]))) + " times; use fewer blocks");
            }
        }
    }
}
