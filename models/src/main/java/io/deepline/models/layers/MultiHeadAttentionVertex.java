package io.deepline.models.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working {@link MultiHeadAttention} inside a ComputationGraph: checks its inputs and masks, runs a
 * {@link MultiHeadAttentionPass} forwards and backwards, and exposes its parameters to the graph's updater. A
 * training forward pass keeps its intermediates (outside DL4J's workspaces, which are reset between the passes) for
 * the backward pass on the same inputs; any other backward pass recomputes them.
 */
final class MultiHeadAttentionVertex extends ParameterisedVertex {
    private static final long serialVersionUID = 1L;

    private final MultiHeadAttention conf;
    /** The inputs' masks as the graph last propagated them; entries may be null. */
    private INDArray[] masks;
    private transient TrainingPass trainingPass;

    MultiHeadAttentionVertex(ComputationGraph graph, String name, int index, MultiHeadAttention conf,
                             INDArray paramsView, DataType dataType) {
        super(graph, name, index, dataType, paramsView, flat -> MultiHeadAttentionParams.views(flat, conf.modelDim()),
                new VertexTrainingConfig(name, conf.updater(), conf.l2(), MultiHeadAttentionParams::isWeight));
        this.conf = conf;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray queries = checkedInputs()[0];
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, queries.dataType(), queries.shape(),
                'c');
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            MultiHeadAttentionPass pass = checkedPass();
            out.assign(pass.forward());
            trainingPass = training ? new TrainingPass(inputs.clone(), pass) : null;
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        INDArray[] current = checkedInputs();
        INDArray queries = current[0];
        if (epsilon == null || !Arrays.equals(epsilon.shape(), queries.shape())) {
            throw new IllegalStateException("MultiHeadAttention '" + vertexName + "' got an output gradient of shape "
                    + (epsilon == null ? "null" : Arrays.toString(epsilon.shape())) + ", expected "
                    + Arrays.toString(queries.shape()));
        }
        TrainingPass kept = trainingPass;
        trainingPass = null;
        INDArray[] dInputs = new INDArray[current.length];
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            MultiHeadAttentionPass pass;
            if (kept != null && kept.sameInputs(current)) {
                pass = kept.pass;
            } else { // no training forward pass on these inputs: recompute it
                pass = checkedPass();
                pass.forward();
            }
            INDArray[] d = pass.backward(epsilon.castTo(queries.dataType()), gradients());
            if (current.length == 1) {
                d = new INDArray[] {d[0].addi(d[1])}; // self-attention: X was the queries, keys and values
            }
            for (int i = 0; i < current.length; i++) {
                dInputs[i] = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, d[i]);
            }
        }
        Gradient gradient = gradient(MultiHeadAttentionParams.KEYS);
        return new Pair<>(gradient, dInputs);
    }

    private MultiHeadAttentionPass checkedPass() {
        INDArray[] current = checkedInputs();
        INDArray queries = current[0];
        INDArray keysValues = current[current.length - 1];
        // DL4J clears layers' masks but not vertices': the graph's own mask field says whether ours are current.
        boolean masked = masks != null && graph != null && graph.getInputMaskArrays() != null;
        INDArray keyMask = masked ? checkedMask(masks[masks.length - 1], keysValues) : null;
        INDArray bias = AttentionMask.of(keyMask, conf.causal(), queries.size(2), keysValues.size(2),
                queries.dataType());
        return new MultiHeadAttentionPass(queries, keysValues, bias, parameters(), conf.numHeads());
    }

    private INDArray[] checkedInputs() {
        if (inputs == null || inputs.length < 1 || inputs.length > 2 || Arrays.stream(inputs).anyMatch(a -> a == null)) {
            throw new IllegalStateException("MultiHeadAttention '" + vertexName + "' needs its input set: X [batch, "
                    + conf.modelDim() + ", T] for self-attention, or queries and keys/values for cross-attention");
        }
        for (int i = 0; i < inputs.length; i++) {
            INDArray input = inputs[i];
            if (input.rank() != 3 || input.size(1) != conf.modelDim() || input.size(0) != inputs[0].size(0)) {
                throw new IllegalStateException("MultiHeadAttention '" + vertexName + "' input " + i + " must be NCW "
                        + "[" + inputs[0].size(0) + ", " + conf.modelDim() + ", T] (modelDim " + conf.modelDim()
                        + ", one sequence per query sequence), got " + Arrays.toString(input.shape()));
            }
        }
        return inputs;
    }

    private INDArray checkedMask(INDArray mask, INDArray input) {
        if (mask == null) {
            return null;
        }
        if (mask.rank() != 2 || mask.size(0) != input.size(0) || mask.size(1) != input.size(2)) {
            throw new IllegalStateException("MultiHeadAttention '" + vertexName + "' key mask must be [batch, T] = ["
                    + input.size(0) + ", " + input.size(2) + "], got " + Arrays.toString(mask.shape())
                    + "; give 1 for real steps and 0 for padding");
        }
        return mask;
    }

    /** Keeps the inputs' masks (the last one masks the keys); the output is masked like the queries. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        this.masks = maskArrays == null ? null : maskArrays.clone();
        return new Pair<>(maskArrays == null ? null : maskArrays[0], currentMaskState);
    }

    @Override
    public void clear() {
        super.clear();
        trainingPass = null;
    }

    /** A training forward pass with the inputs it ran on (compared by identity). */
    private record TrainingPass(INDArray[] inputs, MultiHeadAttentionPass pass) {
        boolean sameInputs(INDArray[] current) {
            if (current.length != inputs.length) {
                return false;
            }
            for (int i = 0; i < current.length; i++) {
                if (current[i] != inputs[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "MultiHeadAttentionVertex(name=" + vertexName + ", " + conf + ")";
    }
}
