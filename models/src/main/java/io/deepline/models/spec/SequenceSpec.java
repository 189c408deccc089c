package io.deepline.models.spec;

import io.deepline.models.state.NetworkSnapshot;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A recurrent network (course §7): an optional token embedding, {@code numLayers} stacked recurrent layers, then an
 * {@link OutputHead} either once per sequence or at every step. Immutable; every value is checked in
 * {@link Builder#build()}, so an invalid network is never built.
 *
 * <p>Values: {@code cell} (rnn, lstm, gru); {@code hiddenSize} &gt; 0 units per layer and direction;
 * {@code numLayers} ≥ 1; {@code bidirectional}, each layer reading the sequence both ways (DL4J
 * {@code Bidirectional}, CONCAT: 2·hiddenSize outputs) for rnn and gru only: DL4J 1.0.0-M2.1's LSTM ignores the
 * feature mask when predicting, harmless for its forward direction (padding comes after the real steps) but the
 * backward direction would read the padding first (see {@code Dl4jLstmMaskTest});
 * {@code dropout}, the probability of dropping a unit in [0, 1), on the output of every recurrent layer (the input
 * of the next recurrent layer and of the output layer), never on the input or the embeddings;
 * {@code input} real (nIn features per step) or tokens ({@code vocabularySize} ids, {@code embeddingSize}
 * dimensions); {@code output} many_to_one with {@code pooling} last, mean or max over the unmasked steps, or
 * per_step (pooling is then unused); and, as in {@link MlpSpec}, {@code weightInit} (auto is Xavier, for tanh),
 * {@code l2}, {@code updater}, {@code learningRate}, {@code momentum}, {@code lrSchedule}, {@code seed}.
 *
 * <p>Inputs are NCW [batch, nIn, T] (tokens: [batch, 1, T] of ids) with an optional feature mask [batch, T]
 * (1 = real step, 0 = padding); padding changes no many-to-one prediction.
 */
public final class SequenceSpec {
    private final RecurrentCell cell;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bidirectional;
    private final double dropout;
    private final StepInput input;
    private final int vocabularySize;
    private final int embeddingSize;
    private final SequenceOutput output;
    private final SequencePooling pooling;
    private final NetworkTraining training;

    private SequenceSpec(Builder b, NetworkTraining training) {
        this.training = training;
        this.cell = b.cell;
        this.hiddenSize = b.hiddenSize;
        this.numLayers = b.numLayers;
        this.bidirectional = b.bidirectional;
        this.dropout = b.dropout;
        this.input = b.input;
        this.vocabularySize = b.vocabularySize;
        this.embeddingSize = b.embeddingSize;
        this.output = b.output;
        this.pooling = b.pooling;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this spec's values. */
    public Builder toBuilder() {
        return new Builder().cell(cell).hiddenSize(hiddenSize).numLayers(numLayers).bidirectional(bidirectional)
                .dropout(dropout).input(input).vocabularySize(vocabularySize).embeddingSize(embeddingSize)
                .output(output).pooling(pooling).training(training);
    }

    /**
     * The DL4J configuration for {@code nIn} features per step (1 for token input: the id) and the given head
     * (float32 params).
     */
    public MultiLayerConfiguration toConfiguration(int nIn, OutputHead head) {
        return SequenceLayers.configuration(this, nIn, head);
    }

    /** A freshly initialised network; the same spec and sizes always give the same initial weights. */
    public MultiLayerNetwork buildNetwork(int nIn, OutputHead head) {
        MultiLayerNetwork net = new MultiLayerNetwork(toConfiguration(nIn, head));
        net.init();
        return net;
    }

    /** A freshly initialised network as a snapshot. */
    public NetworkSnapshot initialState(int nIn, OutputHead head) {
        return NetworkSnapshot.of(buildNetwork(nIn, head));
    }

    public RecurrentCell cell() {
        return cell;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    public double dropout() {
        return dropout;
    }

    public StepInput input() {
        return input;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int embeddingSize() {
        return embeddingSize;
    }

    public SequenceOutput output() {
        return output;
    }

    public SequencePooling pooling() {
        return pooling;
    }

    /** The initialisation, weight decay, optimizer and seed. */
    public NetworkTraining training() {
        return training;
    }

    public WeightInitScheme weightInit() {
        return training.weightInit();
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

    public long seed() {
        return training.seed();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSpec s && cell == s.cell && hiddenSize == s.hiddenSize
                && numLayers == s.numLayers && bidirectional == s.bidirectional
                && Double.compare(dropout, s.dropout) == 0 && input == s.input
                && vocabularySize == s.vocabularySize && embeddingSize == s.embeddingSize && output == s.output
                && pooling == s.pooling && training.equals(s.training);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, hiddenSize, numLayers, bidirectional, dropout, input, vocabularySize,
                embeddingSize, output, pooling, training);
    }

    @Override
    public String toString() {
        return "SequenceSpec[cell=" + cell + ", hiddenSize=" + hiddenSize + ", numLayers=" + numLayers
                + ", bidirectional=" + bidirectional + ", dropout=" + dropout + ", input=" + input
                + (input == StepInput.TOKENS ? "(vocabularySize=" + vocabularySize + ", embeddingSize="
                + embeddingSize + ")" : "") + ", output=" + output
                + (output == SequenceOutput.MANY_TO_ONE ? "(pooling=" + pooling + ")" : "")
                + ", weightInit=" + weightInit() + ", l2=" + l2() + ", updater=" + updater()
                + ", learningRate=" + learningRate() + ", momentum=" + momentum() + ", lrSchedule=" + lrSchedule()
                + ", seed=" + seed() + "]";
    }

    /** Collects values; {@link #build()} validates them all, naming the first bad one. */
    public static final class Builder {
        private RecurrentCell cell = RecurrentCell.LSTM;
        private int hiddenSize = 32;
        private int numLayers = 1;
        private boolean bidirectional;
        private double dropout;
        private StepInput input = StepInput.REAL;
        private int vocabularySize;
        private int embeddingSize;
        private SequenceOutput output = SequenceOutput.MANY_TO_ONE;
        private SequencePooling pooling = SequencePooling.LAST;

        private final TrainingValues training = new TrainingValues();

        private Builder() {
        }

        /** All of initialisation, weight decay, optimizer and seed at once. */
        public Builder training(NetworkTraining value) {
            training.set(value);
            return this;
        }

        public Builder cell(RecurrentCell value) {
            this.cell = value;
            return this;
        }

        /** The cell by its user-facing name (rnn, lstm, gru). */
        public Builder cell(String name) {
            return cell(RecurrentCell.parse(name));
        }

        public Builder hiddenSize(int value) {
            this.hiddenSize = value;
            return this;
        }

        public Builder numLayers(int value) {
            this.numLayers = value;
            return this;
        }

        public Builder bidirectional(boolean value) {
            this.bidirectional = value;
            return this;
        }

        public Builder dropout(double value) {
            this.dropout = value;
            return this;
        }

        public Builder input(StepInput value) {
            this.input = value;
            return this;
        }

        public Builder vocabularySize(int value) {
            this.vocabularySize = value;
            return this;
        }

        public Builder embeddingSize(int value) {
            this.embeddingSize = value;
            return this;
        }

        public Builder output(SequenceOutput value) {
            this.output = value;
            return this;
        }

        public Builder pooling(SequencePooling value) {
            this.pooling = value;
            return this;
        }

        /** The pooling by its user-facing name (last, mean, max). */
        public Builder pooling(String name) {
            return pooling(SequencePooling.parse(name));
        }

        public Builder weightInit(WeightInitScheme value) {
            training.weightInit = value;
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

        public Builder seed(long value) {
            training.seed = value;
            return this;
        }

        public SequenceSpec build() {
            if (cell == null) {
                throw new IllegalArgumentException("cell must be set; use one of "
                        + String.join(", ", RecurrentCell.names()));
            }
            if (hiddenSize <= 0) {
                throw new IllegalArgumentException("hiddenSize is " + hiddenSize
                        + "; the number of recurrent units per layer must be > 0");
            }
            if (numLayers < 1) {
                throw new IllegalArgumentException("numLayers is " + numLayers
                        + "; a sequence network needs at least 1 recurrent layer");
            }
            if (input == null || output == null || pooling == null) {
                throw new IllegalArgumentException("input, output and pooling must be set; input is one of "
                        + String.join(", ", StepInput.names()) + ", output one of "
                        + String.join(", ", SequenceOutput.names()) + ", pooling one of "
                        + String.join(", ", SequencePooling.names()));
            }
            if (bidirectional && cell == RecurrentCell.LSTM) {
                throw new IllegalArgumentException("bidirectional=true is not supported with cell=lstm: DL4J's LSTM"
                        + " ignores the mask of padded steps when predicting, so its backward direction would read the"
                        + " padding before the sequence; use cell=gru or cell=rnn, or bidirectional=false");
            }
            checkInputKind();
            SpecChecks.checkDropout(dropout);
            NetworkTraining checked = training.build();
            return new SequenceSpec(this, checked);
        }

        private void checkInputKind() {
            if (input == StepInput.TOKENS) {
                if (vocabularySize <= 0) {
                    throw new IllegalArgumentException("input=tokens needs vocabularySize > 0 (the number of distinct"
                            + " token ids, ids being 0..vocabularySize-1), got " + vocabularySize);
                }
                if (embeddingSize <= 0) {
                    throw new IllegalArgumentException("input=tokens needs embeddingSize > 0 (the dimension of a"
                            + " token's embedding), got " + embeddingSize);
                }
            } else if (vocabularySize != 0 || embeddingSize != 0) {
                throw new IllegalArgumentException("vocabularySize (" + vocabularySize + ") and embeddingSize ("
                        + embeddingSize + ") are for token input only; set input=tokens or leave them unset");
            }
        }
    }
}
