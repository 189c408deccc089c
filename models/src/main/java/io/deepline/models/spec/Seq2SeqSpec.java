package io.deepline.models.spec;

import io.deepline.models.layers.DecoderContext;
import io.deepline.models.seq2seq.ReservedIds;
import io.deepline.models.state.NetworkSnapshot;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An encoder-decoder network with an attentive decoder (course §8.2): source token ids are embedded and read by a
 * recurrent encoder (rnn, lstm or gru), and an {@link io.deepline.models.layers.AttentiveGruDecoder} predicts the
 * target tokens one step at a time from the previous target token (teacher forcing) and the context. Immutable;
 * {@link Builder#build()} checks every value, naming the first bad one.
 *
 * <p>Values: {@code sourceVocabularySize} and {@code targetVocabularySize} (ids 0..size−1, counting the
 * {@link ReservedIds}: 0 pad, 1 unknown, 2 begin, 3 end), {@code embeddingSize} (both embeddings),
 * {@code hiddenSize} (encoder and decoder units: attention compares their states), {@code encoderCell},
 * {@code context} attention (eq. 36) or last (the fixed c = h_T), {@code dropout} on the decoder's output
 * [s; c] only, and as in {@link SequenceSpec}: {@code weightInit}, {@code l2}, {@code updater},
 * {@code learningRate}, {@code momentum}, {@code seed}.
 *
 * <p>With {@code architecture} transformer the network is a Transformer encoder-decoder instead
 * ({@link TransformerSeq2SeqGraph}, course §8.3) of the same inputs and output, sized by {@code modelDim},
 * {@code numHeads}, {@code ffDim}, {@code numLayers} and {@code preNorm} ({@link TransformerShape}), with
 * {@code dropout} on the embeddings and every sub-layer's output; embeddingSize, hiddenSize, encoderCell and
 * context then do not apply.
 *
 * <p>Graph inputs: {@value #SOURCE} [b, 1, T] and {@value #TARGET} [b, 1, T'] (begin, y_1 … y_{T'−1}) ids as
 * floats, with feature masks [b, T] and [b, T']; output {@value #OUTPUT}: [b, targetVocabularySize, T'] next-token
 * probabilities, trained against y_1 … y_{T'−1}, end.
 */
public final class Seq2SeqSpec {
    /** The graph's source-ids input. */
    public static final String SOURCE = "source";
    /** The graph's decoder-input ids (teacher forcing). */
    public static final String TARGET = "target";
    /** The attentive decoder vertex. */
    public static final String DECODER = "decoder";
    /** The per-step softmax over the target vocabulary. */
    public static final String OUTPUT = "output";

    private final int sourceVocabularySize;
    private final int targetVocabularySize;
    private final int embeddingSize;
    private final int hiddenSize;
    private final RecurrentCell encoderCell;
    private final DecoderContext context;
    private final double dropout;
    private final NetworkTraining training;
    private final Seq2SeqArchitecture architecture;
    private final TransformerShape transformer;

    private Seq2SeqSpec(Builder b, NetworkTraining training) {
        this.training = training;
        this.sourceVocabularySize = b.sourceVocabularySize;
        this.targetVocabularySize = b.targetVocabularySize;
        this.embeddingSize = b.embeddingSize;
        this.hiddenSize = b.hiddenSize;
        this.encoderCell = b.encoderCell;
        this.context = b.context;
        this.dropout = b.dropout;
        this.architecture = b.architecture;
        this.transformer = b.transformerShape();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this spec's values. */
    public Builder toBuilder() {
        return new Builder().sourceVocabularySize(sourceVocabularySize).targetVocabularySize(targetVocabularySize)
                .embeddingSize(embeddingSize).hiddenSize(hiddenSize).encoderCell(encoderCell).context(context)
                .dropout(dropout).training(training).architecture(architecture).modelDim(transformer.modelDim())
                .numHeads(transformer.numHeads()).ffDim(transformer.ffDim()).numLayers(transformer.numLayers())
                .preNorm(transformer.preNorm());
    }

    /** The DL4J configuration (float32 params). */
    public ComputationGraphConfiguration toConfiguration() {
        return architecture == Seq2SeqArchitecture.TRANSFORMER ? TransformerSeq2SeqGraph.configuration(this)
                : Seq2SeqGraph.configuration(this);
    }

    /** A freshly initialised graph; the same spec always gives the same initial weights. */
    public ComputationGraph buildGraph() {
        ComputationGraph graph = new ComputationGraph(toConfiguration());
        graph.init();
        return graph;
    }

    /** A freshly initialised graph as a snapshot. */
    public NetworkSnapshot initialState() {
        return NetworkSnapshot.of(buildGraph());
    }

    public int sourceVocabularySize() {
        return sourceVocabularySize;
    }

    public int targetVocabularySize() {
        return targetVocabularySize;
    }

    public int embeddingSize() {
        return embeddingSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public RecurrentCell encoderCell() {
        return encoderCell;
    }

    public DecoderContext context() {
        return context;
    }

    public double dropout() {
        return dropout;
    }

    /** The initialisation, weight decay, optimizer and seed (the learning rate is constant: no schedule). */
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

    public long seed() {
        return training.seed();
    }

    public Seq2SeqArchitecture architecture() {
        return architecture;
    }

    /** The Transformer's sizes (used with architecture transformer; its dropout is {@link #dropout()}). */
    public TransformerShape transformer() {
        return transformer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Seq2SeqSpec s && sourceVocabularySize == s.sourceVocabularySize
                && targetVocabularySize == s.targetVocabularySize && embeddingSize == s.embeddingSize
                && hiddenSize == s.hiddenSize && encoderCell == s.encoderCell && context == s.context
                && Double.compare(dropout, s.dropout) == 0 && training.equals(s.training)
                && architecture == s.architecture && transformer.equals(s.transformer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceVocabularySize, targetVocabularySize, embeddingSize, hiddenSize, encoderCell,
                context, dropout, training, architecture, transformer);
    }

    @Override
    public String toString() {
        return "Seq2SeqSpec[sourceVocabularySize=" + sourceVocabularySize + ", targetVocabularySize="
                + targetVocabularySize + ", embeddingSize=" + embeddingSize + ", hiddenSize=" + hiddenSize
                + ", encoderCell=" + encoderCell + ", context=" + context + ", dropout=" + dropout + ", weightInit="
                + weightInit() + ", l2=" + l2() + ", updater=" + updater() + ", learningRate=" + learningRate()
                + ", momentum=" + momentum() + ", seed=" + seed() + ", architecture=" + architecture + ", transformer="
                + transformer + "]";
    }

    /** Collects values; {@link #build()} validates them all, naming the first bad one. */
    public static final class Builder {
        private int sourceVocabularySize;
        private int targetVocabularySize;
        private int embeddingSize = 32;
        private int hiddenSize = 64;
        private RecurrentCell encoderCell = RecurrentCell.GRU;
        private DecoderContext context = DecoderContext.ATTENTION;
        private double dropout;
        private Seq2SeqArchitecture architecture = Seq2SeqArchitecture.RNN;
        private int modelDim = TransformerShape.small().modelDim();
        private int numHeads = TransformerShape.small().numHeads();
        private int ffDim = TransformerShape.small().ffDim();
        private int numLayers = TransformerShape.small().numLayers();
        private boolean preNorm;

        private final TrainingValues training = new TrainingValues();

        private Builder() {
        }

        /** All of initialisation, weight decay, optimizer and seed at once. */
        public Builder training(NetworkTraining value) {
            training.set(value);
            return this;
        }

        public Builder architecture(Seq2SeqArchitecture value) {
            this.architecture = value;
            return this;
        }

        /** The architecture by its user-facing name (rnn, transformer). */
        public Builder architecture(String name) {
            return architecture(Seq2SeqArchitecture.parse(name));
        }

        public Builder modelDim(int value) {
            this.modelDim = value;
            return this;
        }

        public Builder numHeads(int value) {
            this.numHeads = value;
            return this;
        }

        public Builder ffDim(int value) {
            this.ffDim = value;
            return this;
        }

        public Builder numLayers(int value) {
            this.numLayers = value;
            return this;
        }

        public Builder preNorm(boolean value) {
            this.preNorm = value;
            return this;
        }

        private TransformerShape transformerShape() {
            return new TransformerShape(modelDim, numHeads, ffDim, numLayers, dropout, preNorm);
        }

        public Builder sourceVocabularySize(int value) {
            this.sourceVocabularySize = value;
            return this;
        }

        public Builder targetVocabularySize(int value) {
            this.targetVocabularySize = value;
            return this;
        }

        public Builder embeddingSize(int value) {
            this.embeddingSize = value;
            return this;
        }

        public Builder hiddenSize(int value) {
            this.hiddenSize = value;
            return this;
        }

        public Builder encoderCell(RecurrentCell value) {
            this.encoderCell = value;
            return this;
        }

        /** The encoder cell by its user-facing name (rnn, lstm, gru). */
        public Builder encoderCell(String name) {
            return encoderCell(RecurrentCell.parse(name));
        }

        public Builder context(DecoderContext value) {
            this.context = value;
            return this;
        }

        /** The context by its user-facing name (attention, last). */
        public Builder context(String name) {
            return context(UserNames.parse(DecoderContext.class, name, "context"));
        }

        public Builder dropout(double value) {
            this.dropout = value;
            return this;
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

        public Builder seed(long value) {
            training.seed = value;
            return this;
        }

        public Seq2SeqSpec build() {
            checkVocabulary("sourceVocabularySize", sourceVocabularySize);
            checkVocabulary("targetVocabularySize", targetVocabularySize);
            if (embeddingSize <= 0) {
                throw new IllegalArgumentException("embeddingSize is " + embeddingSize
                        + "; the dimension of a token's embedding must be > 0");
            }
            if (hiddenSize <= 0) {
                throw new IllegalArgumentException("hiddenSize is " + hiddenSize
                        + "; the encoder's and decoder's units must be > 0");
            }
            if (encoderCell == null) {
                throw new IllegalArgumentException("encoderCell must be set; use one of "
                        + String.join(", ", RecurrentCell.names()));
            }
            if (context == null) {
                throw new IllegalArgumentException("context must be set; use one of "
                        + String.join(", ", UserNames.of(DecoderContext.class)));
            }
            SpecChecks.checkDropout(dropout);
            NetworkTraining checked = training.build();
            if (checked.lrSchedule().kind() != LearningRateSchedule.Kind.NONE) {
                throw new IllegalArgumentException("lrSchedule is " + checked.lrSchedule() + "; a seq2seq network"
                        + " trains at a constant learning rate, so use LearningRateSchedule.NONE");
            }
            if (architecture == null) {
                throw new IllegalArgumentException("architecture must be set; use one of "
                        + String.join(", ", Seq2SeqArchitecture.names()));
            }
            transformerShape(); // checks the Transformer's sizes, e.g. that numHeads divides modelDim
            return new Seq2SeqSpec(this, checked);
        }

        private static void checkVocabulary(String name, int size) {
            if (size <= ReservedIds.COUNT) {
                throw new IllegalArgumentException(name + " is " + size + "; it counts the " + ReservedIds.COUNT
                        + " reserved ids (0 pad, 1 unknown, 2 begin, 3 end) plus at least one word, so it must be > "
                        + ReservedIds.COUNT);
            }
        }
    }
}
