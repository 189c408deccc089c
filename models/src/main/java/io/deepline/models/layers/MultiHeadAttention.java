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
 * Multi-head scaled dot-product attention (course §8.1, eq. 32–35) as a ComputationGraph vertex over NCW sequences
 * of D = {@code modelDim} features, with E = {@code numHeads} heads of D/E features each
 * ({@link MultiHeadAttentionPass} gives the equations):
 * <ul>
 *   <li>one input X [b, D, T]: self-attention, queries, keys and values all from X (eq. 35, with the per-head
 *       projections of eq. 34);</li>
 *   <li>two inputs: cross-attention, queries from input 0 (the decoder's states [b, D, T']) and keys and values
 *       from input 1 (the encoder's outputs [b, D, T]), as in the Transformer's decoder.</li>
 * </ul>
 * Keys at padded steps (the key input's feature mask is 0) get weight exactly 0, so padding never changes a real
 * position's output. With {@code causal}, query step i also never sees key steps j &gt; i (decoder self-attention).
 * The output [b, D, Tq] carries the query input's mask.
 *
 * <p>The updater, weight initialisation and L2 are this vertex's own, as for {@link AttentiveGruDecoder}: DL4J hands
 * network-wide settings to layers only.
 *
 * <p>Why hand-written: DL4J 1.0.0-M2.1's {@code SelfAttentionLayer} and {@code AttentionVertex} are SameDiff
 * layers, which get twice the true gradient there (see {@code Dl4jSameDiffLayerGradientTest}), and they support
 * only key-padding masks, not causal ones. This vertex is gradient-checked in {@code MultiHeadAttentionGradientCheckTest}.
 */
public final class MultiHeadAttention extends GraphVertex {
    private static final long serialVersionUID = 1L;

    @JsonProperty
    private long modelDim;
    @JsonProperty
    private int numHeads;
    @JsonProperty
    private boolean causal;
    @JsonProperty
    private IWeightInit weightInit;
    @JsonProperty
    private IUpdater updater;
    @JsonProperty
    private double l2;

    private MultiHeadAttention() { // for Jackson
    }

    private MultiHeadAttention(Builder b) {
        this.modelDim = b.modelDim;
        this.numHeads = b.numHeads;
        this.causal = b.causal;
        this.weightInit = b.weightInit;
        this.updater = b.updater;
        this.l2 = b.l2;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** D, the features of the queries, keys, values and output. */
    public long modelDim() {
        return modelDim;
    }

    /** E, which divides D; each head attends over D/E features. */
    public int numHeads() {
        return numHeads;
    }

    /** Whether query step i sees key steps j &le; i only. */
    public boolean causal() {
        return causal;
    }

    public IWeightInit weightInit() {
        return weightInit;
    }

    public IUpdater updater() {
        return updater;
    }

    /** DL4J's L2 coefficient c on the four projection matrices (not the biases); 0 for none. */
    public double l2() {
        return l2;
    }

    @Override
    public MultiHeadAttention clone() {
        Builder b = builder().modelDim(modelDim).numHeads(numHeads).causal(causal).weightInit(weightInit).l2(l2);
        b.updater = updater == null ? null : updater.clone();
        return new MultiHeadAttention(b);
    }

    @Override
    public long numParams(boolean backprop) {
        return MultiHeadAttentionParams.numParams(modelDim);
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        try {
            validate(modelDim, numHeads, weightInit, updater, l2);
        } catch (IllegalArgumentException e) { // a hand-edited JSON configuration bypasses the builder
            throw new IllegalStateException("MultiHeadAttention '" + name + "': " + e.getMessage(), e);
        }
        if (initializeParams) {
            MultiHeadAttentionParams.initialise(paramsView, modelDim, weightInit);
        }
        return new MultiHeadAttentionVertex(graph, name, idx, this, paramsView, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length < 1 || vertexInputs.length > 2) {
            throw new InvalidInputTypeException("MultiHeadAttention takes 1 input (self-attention) or 2 (queries, "
                    + "then keys and values), got " + vertexInputs.length);
        }
        for (int i = 0; i < vertexInputs.length; i++) {
            if (!(vertexInputs[i] instanceof InputType.InputTypeRecurrent recurrent)
                    || recurrent.getSize() != modelDim) {
                throw new InvalidInputTypeException("MultiHeadAttention input " + i + " must be recurrent [batch, "
                        + modelDim + ", T] (modelDim " + modelDim + "), got " + vertexInputs[i]);
            }
        }
        return vertexInputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType output = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, MultiHeadAttention.class, inputTypes[0], output)
                .standardMemory(numParams(true), 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    private static void validate(long modelDim, int numHeads, IWeightInit weightInit, IUpdater updater, double l2) {
        if (modelDim <= 0) {
            throw new IllegalArgumentException("modelDim is " + modelDim + "; it must be > 0 (features per step)");
        }
        if (numHeads <= 0 || modelDim % numHeads != 0) {
            throw new IllegalArgumentException("numHeads is " + numHeads + " but it must be > 0 and divide modelDim "
                    + modelDim + " (each head attends over modelDim/numHeads features); choose a divisor of "
                    + modelDim + ", e.g. " + largestDivisorAtMost(modelDim, Math.max(1, numHeads)));
        }
        if (weightInit == null) {
            throw new IllegalArgumentException("weightInit must be set, e.g. new WeightInitXavierUniform()");
        }
        if (updater == null) {
            throw new IllegalArgumentException("updater must be set: DL4J does not hand the graph's updater to "
                    + "vertices; pass the same updater as the graph's");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 is " + l2 + "; it must be finite and >= 0");
        }
    }

    private static long largestDivisorAtMost(long n, long limit) {
        for (long d = Math.min(limit, n); d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiHeadAttention a && modelDim == a.modelDim && numHeads == a.numHeads
                && causal == a.causal && Objects.equals(weightInit, a.weightInit)
                && Objects.equals(updater, a.updater) && Double.compare(l2, a.l2) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelDim, numHeads, causal, weightInit, updater, l2);
    }

    @Override
    public String toString() {
        return "MultiHeadAttention(modelDim=" + modelDim + ", numHeads=" + numHeads + ", causal=" + causal
                + ", weightInit=" + weightInit + ", updater=" + updater + ", l2=" + l2 + ")";
    }

    /** Collects the settings; {@link #build()} checks them, naming the first bad one. */
    public static final class Builder {
        private long modelDim;
        private int numHeads = 1;
        private boolean causal;
        private IWeightInit weightInit = new WeightInitXavierUniform();
        private IUpdater updater;
        private double l2;

        private Builder() {
        }

        public Builder modelDim(long value) {
            this.modelDim = value;
            return this;
        }

        public Builder numHeads(int value) {
            this.numHeads = value;
            return this;
        }

        public Builder causal(boolean value) {
            this.causal = value;
            return this;
        }

        /** How the projections start (default Xavier uniform); biases start at 0. */
        public Builder weightInit(IWeightInit value) {
            this.weightInit = value;
            return this;
        }

        /** This vertex's optimizer (required: DL4J does not pass the graph's updater to vertices). */
        public Builder updater(IUpdater value) {
            this.updater = value == null ? null : value.clone();
            return this;
        }

        public Builder l2(double value) {
            this.l2 = value;
            return this;
        }

        public MultiHeadAttention build() {
            validate(modelDim, numHeads, weightInit, updater, l2);
            return new MultiHeadAttention(this);
        }
    }
}
