package io.deepline.models.layers;

import java.util.Objects;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The attentive decoder of an encoder-decoder network (course §8.2), as a ComputationGraph vertex with two
 * inputs: the encoder's states H [batch, n, T] (NCW) and the decoder's inputs X [batch, E, T'] (teacher forcing:
 * the embeddings of begin, y_1 … y_{T'−1}). With the encoder's feature mask and the decoder's mask:
 * <pre>
 *   s_0    = h at each sequence's last unmasked step (0 for an empty source)
 *   e_t    = s_{t'−1} · h_t / √n   over the unmasked t only                      (eq. 32, D_k = n)
 *   α      = softmax(e) (masked steps get weight exactly 0),   c_{t'} = Σ_t α_t h_t   (eq. 36)
 *   s_{t'} = GRU([x_{t'}; c_{t'}], s_{t'−1})                    ({@link Gru}'s equations)
 *   out_{t'} = [s_{t'}; c_{t'}]                                 [batch, 2n, T']
 * </pre>
 * With {@link DecoderContext#LAST} the context is c_{t'} = s_0 = h_T at every step (no attention), with the same
 * parameters ({@link AttentiveGruDecoderParams}). A masked decoder step keeps s_{t'−1} and outputs 0, as {@link Gru}.
 * The next vertex receives the decoder's mask.
 *
 * <p>The updater, weight initialisation and L2 are this vertex's own: DL4J hands the network-wide settings to
 * layers and SameDiff vertices only. DL4J adds only layers' penalties to the reported score, so the L2 of this
 * vertex shapes the gradient (as it should) but is missing from {@code score()}.
 *
 * <p>Why hand-written: DL4J 1.0.0-M2.1's {@code AttentionVertex} is a SameDiff vertex, and SameDiff layers get twice
 * the true gradient there (see {@code Dl4jSameDiffLayerGradientTest}); {@link AttentiveGruDecoderVertex} computes
 * its own forward pass and backpropagation through time, gradient-checked in {@code AttentiveGruDecoderGradientCheckTest}.
 */
public final class AttentiveGruDecoder extends GraphVertex {
    private static final long serialVersionUID = 1L;

    @JsonProperty
    private long inputSize;
    @JsonProperty
    private long hiddenSize;
    @JsonProperty
    private DecoderContext context;
    @JsonProperty
    private IWeightInit weightInit;
    @JsonProperty
    private IUpdater updater;
    @JsonProperty
    private double l2;

    private AttentiveGruDecoder() { // for Jackson
    }

    private AttentiveGruDecoder(Builder b) {
        this.inputSize = b.inputSize;
        this.hiddenSize = b.hiddenSize;
        this.context = b.context;
        this.weightInit = b.weightInit;
        this.updater = b.updater;
        this.l2 = b.l2;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** E, the features per decoder step (the embedding size of the target tokens). */
    public long inputSize() {
        return inputSize;
    }

    /** n, the decoder's units, which must equal the encoder's. */
    public long hiddenSize() {
        return hiddenSize;
    }

    public DecoderContext context() {
        return context;
    }

    public IWeightInit weightInit() {
        return weightInit;
    }

    public IUpdater updater() {
        return updater;
    }

    /** DL4J's L2 coefficient c on W and RW (loss + (c/2)·Σw², gradient c·w); 0 for none. */
    public double l2() {
        return l2;
    }

    @Override
    public AttentiveGruDecoder clone() {
        Builder b = builder().inputSize(inputSize).hiddenSize(hiddenSize).context(context).weightInit(weightInit)
                .l2(l2);
        b.updater = updater == null ? null : updater.clone();
        return new AttentiveGruDecoder(b);
    }

    @Override
    public long numParams(boolean backprop) {
        return AttentiveGruDecoderParams.numParams(inputSize, hiddenSize);
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        checkBuilt(name);
        if (initializeParams) {
            AttentiveGruDecoderParams.initialise(paramsView, inputSize, hiddenSize, weightInit);
        }
        return new AttentiveGruDecoderVertex(graph, name, idx, this, paramsView, networkDatatype);
    }

    /** A hand-edited JSON configuration bypasses the builder, so the graph checks again when it builds. */
    private void checkBuilt(String name) {
        if (inputSize <= 0 || hiddenSize <= 0 || context == null || weightInit == null || updater == null
                || !(l2 >= 0)) {
            throw new IllegalStateException("AttentiveGruDecoder '" + name + "' needs inputSize > 0, hiddenSize > 0, "
                    + "a context, a weightInit, an updater and l2 >= 0; got " + this
                    + "; build it with AttentiveGruDecoder.builder()");
        }
    }

    /** Input 0 is the encoder (recurrent, n features), input 1 the decoder steps (recurrent, E features). */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 2) {
            throw new InvalidInputTypeException("AttentiveGruDecoder takes 2 inputs (encoder states, decoder "
                    + "inputs), got " + vertexInputs.length);
        }
        long encoder = recurrentSize(vertexInputs[0], "input 0 (encoder states)");
        long decoder = recurrentSize(vertexInputs[1], "input 1 (decoder inputs)");
        if (encoder != hiddenSize) {
            throw new InvalidInputTypeException("AttentiveGruDecoder input 0 (encoder states) has " + encoder
                    + " features but the decoder has hiddenSize " + hiddenSize + "; give the encoder " + hiddenSize
                    + " units (attention compares s with h, and s_0 = h_T)");
        }
        if (decoder != inputSize) {
            throw new InvalidInputTypeException("AttentiveGruDecoder input 1 (decoder inputs) has " + decoder
                    + " features but inputSize is " + inputSize + "; set inputSize to the target embedding size");
        }
        InputType.InputTypeRecurrent steps = (InputType.InputTypeRecurrent) vertexInputs[1];
        return InputType.recurrent(2 * hiddenSize, steps.getTimeSeriesLength());
    }

    private static long recurrentSize(InputType type, String which) {
        if (!(type instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new InvalidInputTypeException("AttentiveGruDecoder " + which + " must be recurrent [batch, size, T], "
                    + "got " + type);
        }
        return recurrent.getSize();
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType output = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, AttentiveGruDecoder.class, inputTypes[1], output)
                .standardMemory(numParams(true), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentiveGruDecoder d && inputSize == d.inputSize && hiddenSize == d.hiddenSize
                && context == d.context && Objects.equals(weightInit, d.weightInit)
                && Objects.equals(updater, d.updater) && Double.compare(l2, d.l2) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputSize, hiddenSize, context, weightInit, updater, l2);
    }

    @Override
    public String toString() {
        return "AttentiveGruDecoder(inputSize=" + inputSize + ", hiddenSize=" + hiddenSize + ", context=" + context
                + ", weightInit=" + weightInit + ", updater=" + updater + ", l2=" + l2 + ")";
    }

    /** Collects the settings; {@link #build()} checks them, naming the first bad one. */
    public static final class Builder {
        private long inputSize;
        private long hiddenSize;
        private DecoderContext context = DecoderContext.ATTENTION;
        private IWeightInit weightInit = new WeightInitXavierUniform();
        private IUpdater updater;
        private double l2;

        private Builder() {
        }

        /** E, the features per decoder step; &gt; 0. */
        public Builder inputSize(long value) {
            this.inputSize = value;
            return this;
        }

        /** n, the decoder's units; &gt; 0 and equal to the encoder's. */
        public Builder hiddenSize(long value) {
            this.hiddenSize = value;
            return this;
        }

        public Builder context(DecoderContext value) {
            this.context = value;
            return this;
        }

        /** How W and RW start (default Xavier uniform, for the tanh and sigmoid units); biases start at 0. */
        public Builder weightInit(IWeightInit value) {
            this.weightInit = value;
            return this;
        }

        /** This vertex's optimizer (required: DL4J does not pass the graph's updater to vertices). */
        public Builder updater(IUpdater value) {
            this.updater = value == null ? null : value.clone();
            return this;
        }

        /** DL4J's L2 coefficient on W and RW; &gt;= 0. */
        public Builder l2(double value) {
            this.l2 = value;
            return this;
        }

        public AttentiveGruDecoder build() {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("AttentiveGruDecoder inputSize is " + inputSize
                        + "; it must be > 0 (features per decoder step, e.g. the target embedding size)");
            }
            if (hiddenSize <= 0) {
                throw new IllegalArgumentException("AttentiveGruDecoder hiddenSize is " + hiddenSize
                        + "; it must be > 0 and equal to the encoder's units");
            }
            if (context == null || weightInit == null) {
                throw new IllegalArgumentException("AttentiveGruDecoder context and weightInit must be set; context "
                        + "is attention or last, weightInit e.g. new WeightInitXavierUniform()");
            }
            if (updater == null) {
                throw new IllegalArgumentException("AttentiveGruDecoder needs .updater(...): DL4J does not hand the "
                        + "graph's updater to vertices; pass the same updater as the graph's");
            }
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("AttentiveGruDecoder l2 is " + l2 + "; it must be finite and >= 0");
            }
            return new AttentiveGruDecoder(this);
        }
    }
}
