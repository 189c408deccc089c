package io.deepline.models.spec;

import java.util.Arrays;
import java.util.Objects;
import io.deepline.models.layers.WeightedOutput;
import io.deepline.models.state.NetworkSnapshot;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A feedforward network: dense hidden layers (none makes it a GLM), then an {@link OutputHead}.
 * Immutable; every value is checked in {@link Builder#build()}, so an invalid network is never built.
 *
 * <p>Values: {@code hiddenLayers} sizes, input side first, each &gt; 0 (empty: no hidden layer, a GLM);
 * {@code activation} of every hidden layer, with {@code leakyReluSlope} ε in (0, 1); {@code weightInit};
 * {@code dropout}, the probability of <em>dropping</em> a hidden unit in [0, 1), applied to the output of every
 * hidden layer (not to the input features); {@code l2}, the course's weight-decay λ in λ·Σ‖W‖² (§4.6.1) on the
 * weights, not the biases; {@code updater} and {@code learningRate}; {@code fitIntercept}; {@code seed} of the
 * weight initialisation.
 */
public final class MlpSpec {
    private final int[] hiddenLayers;
    private final HiddenActivation activation;
    private final double leakyReluSlope;
    private final double dropout;
    private final Normalization normalization;
    private final boolean residual;
    private final boolean fitIntercept;
    private final NetworkTraining training;

    private MlpSpec(Builder b, NetworkTraining training) {
        this.hiddenLayers = b.hiddenLayers.clone();
        this.activation = b.activation;
        this.leakyReluSlope = b.leakyReluSlope;
        this.dropout = b.dropout;
        this.normalization = b.normalization;
        this.residual = b.residual;
        this.fitIntercept = b.fitIntercept;
        this.training = training;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this spec's values. */
    public Builder toBuilder() {
        return new Builder().hiddenLayers(hiddenLayers).activation(activation).leakyReluSlope(leakyReluSlope)
                .dropout(dropout).normalization(normalization).residual(residual).fitIntercept(fitIntercept)
                .training(training);
    }

    /**
     * The DL4J layer-stack configuration for {@code nIn} input features and the given output head (float32
     * params). Residual specs are graphs: use {@link #toGraphConfiguration} or {@link #initialState}.
     */
    public MultiLayerConfiguration toConfiguration(int nIn, OutputHead head) {
        if (residual) {
            throw new IllegalStateException("a residual network is a ComputationGraph; use toGraphConfiguration");
        }
        NeuralNetConfiguration.ListBuilder layers = globalConfiguration(nIn).list();
        int previous = nIn;
        for (int i = 0; i < hiddenLayers.length; i++) {
            // DL4J applies a layer's dropout to that layer's input, and takes the probability of KEEPING a unit.
            double keep = i > 0 && dropout > 0 ? 1.0 - dropout : 0;
            for (org.deeplearning4j.nn.conf.layers.Layer layer : HiddenStack.block(previous, hiddenLayers[i],
                    activation.dl4j(leakyReluSlope), normalization, fitIntercept, keep)) {
                layers.layer(layer);
            }
            previous = hiddenLayers[i];
        }
        return layers.layer(outputLayer(previous, head)).build();
    }

    /** The configuration of a residual spec: skip connections around every hidden block (course §4.5.2). */
    public ComputationGraphConfiguration toGraphConfiguration(int nIn, OutputHead head) {
        if (!residual) {
            throw new IllegalStateException("only residual specs are graphs; use toConfiguration");
        }
        return ResidualGraph.build(globalConfiguration(nIn), nIn, hiddenLayers, activation.dl4j(leakyReluSlope),
                normalization, fitIntercept, dropout, outputLayer(hiddenLayers[hiddenLayers.length - 1], head));
    }

    /** A freshly initialised network of either kind, as a snapshot; the same spec always starts the same. */
    public NetworkSnapshot initialState(int nIn, OutputHead head) {
        if (!residual) {
            return NetworkSnapshot.of(buildNetwork(nIn, head));
        }
        ComputationGraph graph = new ComputationGraph(toGraphConfiguration(nIn, head));
        graph.init();
        return NetworkSnapshot.of(graph);
    }

    private NeuralNetConfiguration.Builder globalConfiguration(int nIn) {
        if (nIn <= 0) {
            throw new IllegalArgumentException("the number of input features is " + nIn + "; it must be > 0");
        }
        return training.global(activation);
    }

    private WeightedOutput outputLayer(int nIn, OutputHead head) {
        OutputLayer.Builder output = new OutputLayer.Builder(head.loss()).nIn(nIn).nOut(head.size())
                .activation(head.activation()).hasBias(fitIntercept);
        if (hiddenLayers.length > 0 && dropout > 0) {
            output.dropOut(1.0 - dropout);
        }
        return WeightedOutput.of(output);
    }

    /** Softmax output over {@code numClasses} classes. */
    public MultiLayerConfiguration toConfiguration(int nIn, int numClasses) {
        return toConfiguration(nIn, OutputHead.categorical(numClasses));
    }

    /** A freshly initialised network; the same spec and sizes always give the same initial weights. */
    public MultiLayerNetwork buildNetwork(int nIn, OutputHead head) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(nIn, head));
        net.init();
        return net;
    }

    public MultiLayerNetwork buildNetwork(int nIn, int numClasses) {
        return buildNetwork(nIn, OutputHead.categorical(numClasses));
    }

    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    public HiddenActivation activation() {
        return activation;
    }

    public double leakyReluSlope() {
        return leakyReluSlope;
    }

    public WeightInitScheme weightInit() {
        return training.weightInit();
    }

    public double dropout() {
        return dropout;
    }

    public double l2() {
        return training.l2();
    }

    public UpdaterKind updater() {
        return training.updater();
    }

    public double learningRate() {
        return training.learningRate();
    }

    public double momentum() {
        return training.momentum();
    }

    public LearningRateSchedule lrSchedule() {
        return training.lrSchedule();
    }

    /** The initialisation, weight decay, optimizer and seed. */
    public NetworkTraining training() {
        return training;
    }

    public Normalization normalization() {
        return normalization;
    }

    public boolean residual() {
        return residual;
    }

    public boolean fitIntercept() {
        return fitIntercept;
    }

    public long seed() {
        return training.seed();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && Arrays.equals(hiddenLayers, s.hiddenLayers) && activation == s.activation
                && Double.compare(leakyReluSlope, s.leakyReluSlope) == 0 && Double.compare(dropout, s.dropout) == 0
                && normalization == s.normalization && residual == s.residual && fitIntercept == s.fitIntercept
                && training.equals(s.training);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hiddenLayers) + Objects.hash(activation, leakyReluSlope, dropout, normalization,
                residual, fitIntercept, training);
    }

    @Override
    public String toString() {
        return "MlpSpec[hiddenLayers=" + Arrays.toString(hiddenLayers) + ", activation=" + activation
                + (activation == HiddenActivation.LEAKYRELU ? "(" + leakyReluSlope + ")" : "")
                + ", weightInit=" + weightInit() + ", dropout=" + dropout + ", l2=" + l2() + ", updater=" + updater()
                + ", learningRate=" + learningRate() + ", momentum=" + momentum() + ", lrSchedule=" + lrSchedule()
                + ", normalization=" + normalization + ", residual=" + residual + ", fitIntercept=" + fitIntercept
                + ", seed=" + seed() + "]";
    }

    /** Collects values; {@link #build()} validates them all, naming the first bad one. */
    public static final class Builder {
        private int[] hiddenLayers = {64, 32};
        private HiddenActivation activation = HiddenActivation.RELU;
        private double leakyReluSlope = 0.01;
        private double dropout;
        private Normalization normalization = Normalization.NONE;
        private boolean residual;
        private boolean fitIntercept = true;
        private final TrainingValues training = new TrainingValues();

        private Builder() {
        }

        public Builder hiddenLayers(int... value) {
            this.hiddenLayers = value == null ? null : value.clone();
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

        public Builder weightInit(WeightInitScheme value) {
            training.weightInit = value;
            return this;
        }

        public Builder dropout(double value) {
            this.dropout = value;
            return this;
        }

        public Builder l2(double value) {
            training.l2 = value;
            return this;
        }

        public Builder updater(UpdaterKind value) {
            training.updater = value;
            return this;
        }

        public Builder learningRate(double value) {
            training.learningRate = value;
            return this;
        }

        public Builder momentum(double value) {
            training.momentum = value;
            return this;
        }

        public Builder lrSchedule(LearningRateSchedule value) {
            training.lrSchedule = value;
            return this;
        }

        /** All of initialisation, weight decay, optimizer and seed at once. */
        public Builder training(NetworkTraining value) {
            training.set(value);
            return this;
        }

        public Builder normalization(Normalization value) {
            this.normalization = value;
            return this;
        }

        public Builder residual(boolean value) {
            this.residual = value;
            return this;
        }

        public Builder fitIntercept(boolean value) {
            this.fitIntercept = value;
            return this;
        }

        public Builder seed(long value) {
            training.seed = value;
            return this;
        }

        public MlpSpec build() {
            SpecChecks.checkHiddenLayers(hiddenLayers);
            SpecChecks.checkHidden(activation, leakyReluSlope, dropout);
            NetworkTraining checked = training.build();
            if (normalization == null) {
                throw new IllegalArgumentException("normalization must be set, e.g. Normalization.NONE");
            }
            if (residual && hiddenLayers.length == 0) {
                throw new IllegalArgumentException("residual=true needs at least one hidden layer to skip around, but"
                        + " hiddenLayers is []; add hidden layers or set residual=false");
            }
            return new MlpSpec(this, checked);
        }
    }
}
