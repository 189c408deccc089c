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
 * The working {@link AttentiveGruDecoder} inside a ComputationGraph: checks its two inputs and their masks, runs
 * {@link AttentiveGruDecoderPass} forwards and backwards, and exposes its parameters to the graph's updater
 * ({@link ParameterisedVertex}). A training forward pass keeps its intermediates for the backward pass on the same
 * inputs; any other backward pass recomputes them.
 */
final class AttentiveGruDecoderVertex extends ParameterisedVertex {
    private static final long serialVersionUID = 1L;

    private final AttentiveGruDecoder conf;
    /** [encoder mask, decoder mask] as the graph last propagated them; either may be null. */
    private INDArray[] masks;
    /** The last training forward pass, for the backward pass on the same inputs. */
    private transient TrainingPass trainingPass;

    AttentiveGruDecoderVertex(ComputationGraph graph, String name, int index, AttentiveGruDecoder conf,
                              INDArray paramsView, DataType dataType) {
        super(graph, name, index, dataType, paramsView,
                flat -> AttentiveGruDecoderParams.views(flat, conf.inputSize(), conf.hiddenSize()),
                new VertexTrainingConfig(name, conf.updater(), conf.l2(), AttentiveGruDecoderParams::isWeight));
        this.conf = conf;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        requireInputs();
        INDArray x = inputs[1];
        long[] outShape = {x.size(0), 2 * conf.hiddenSize(), x.size(2)};
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), outShape, 'f');
        if (!training) {
            checkedPass().forward(out, false);
            return out;
        }
        // Training: keep the step intermediates for the backward pass that follows, outside DL4J's workspaces
        // (which are reset between the passes), so the backward pass need not recompute them.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            AttentiveGruDecoderPass pass = checkedPass();
            INDArray detached = Nd4j.create(x.dataType(), outShape, 'f');
            trainingPass = new TrainingPass(inputs[0], x, pass, pass.forward(detached, true));
            out.assign(detached);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (tbptt) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' does not support truncated "
                    + "BPTT; build the graph with backpropType(BackpropType.Standard)");
        }
        requireInputs();
        INDArray h = inputs[0];
        INDArray x = inputs[1];
        long[] outShape = {x.size(0), 2 * conf.hiddenSize(), x.size(2)};
        if (epsilon == null || !Arrays.equals(epsilon.shape(), outShape)) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' got an output gradient of shape "
                    + (epsilon == null ? "null" : Arrays.toString(epsilon.shape())) + ", expected "
                    + Arrays.toString(outShape));
        }
        TrainingPass kept = trainingPass;
        trainingPass = null;
        AttentiveGruDecoderPass pass;
        AttentiveGruDecoderPass.Forward forward;
        if (kept != null && kept.encoderStates == h && kept.decoderInputs == x) {
            pass = kept.pass;
            forward = kept.forward;
        } else { // no training forward pass on these inputs: recompute it
            pass = checkedPass();
            forward = pass.forward(Nd4j.create(x.dataType(), outShape, 'f'), true);
        }
        INDArray dH = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, h.dataType(), h.shape(), 'c');
        INDArray dX = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
        pass.backward(forward, epsilon.castTo(x.dataType()), gradients(), dH, dX);

        Gradient gradient = gradient(AttentiveGruDecoderParams.KEYS);
        return new Pair<>(gradient, new INDArray[] {dH, dX});
    }

    /** The pass over the current inputs, after checking their shapes and masks against each other. */
    private AttentiveGruDecoderPass checkedPass() {
        requireInputs();
        INDArray h = inputs[0];
        INDArray x = inputs[1];
        checkRecurrent(h, conf.hiddenSize(), "input 0 (encoder states)", "hiddenSize");
        checkRecurrent(x, conf.inputSize(), "input 1 (decoder inputs)", "inputSize");
        if (h.size(0) != x.size(0)) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' got " + h.size(0)
                    + " encoder sequences but " + x.size(0) + " decoder sequences; feed one target per source");
        }
        // DL4J clears layers' masks but not vertices': the graph's own mask field says whether ours are current.
        boolean masked = masks != null && graph != null && graph.getInputMaskArrays() != null;
        INDArray encoderMask = masked ? checkedMask(masks[0], h, "encoder (source)") : null;
        INDArray decoderMask = masked && masks.length > 1 ? checkedMask(masks[1], x, "decoder (target)") : null;
        return new AttentiveGruDecoderPass(h, encoderMask, x, decoderMask, parameters(), conf.context());
    }

    private void requireInputs() {
        if (inputs == null || inputs.length != 2 || inputs[0] == null || inputs[1] == null) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' needs both inputs set: "
                    + "encoder states [batch, n, T] and decoder inputs [batch, E, T']");
        }
    }

    private void checkRecurrent(INDArray input, long size, String which, String setting) {
        if (input.rank() != 3 || input.size(1) != size) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' " + which + " must be NCW [batch, "
                    + size + ", T] (" + setting + " " + size + "), got " + Arrays.toString(input.shape()));
        }
    }

    private INDArray checkedMask(INDArray mask, INDArray input, String which) {
        if (mask == null) {
            return null;
        }
        if (mask.rank() != 2 || mask.size(0) != input.size(0) || mask.size(1) != input.size(2)) {
            throw new IllegalStateException("AttentiveGruDecoder '" + vertexName + "' " + which + " mask must be [batch, T]"
                    + " = [" + input.size(0) + ", " + input.size(2) + "], got " + Arrays.toString(mask.shape())
                    + "; give 1 for real steps and 0 for padding");
        }
        return mask;
    }

    /** Keeps both inputs' masks; what follows (the per-step output) is masked like the decoder's input. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        this.masks = maskArrays == null ? null : maskArrays.clone();
        INDArray decoderMask = maskArrays == null || maskArrays.length < 2 ? null : maskArrays[1];
        return new Pair<>(decoderMask, currentMaskState);
    }

    @Override
    public void clear() {
        super.clear();
        trainingPass = null;
    }

    /** A training forward pass with the inputs it ran on (compared by identity) and its intermediates. */
    private record TrainingPass(INDArray encoderStates, INDArray decoderInputs, AttentiveGruDecoderPass pass,
                                AttentiveGruDecoderPass.Forward forward) {
    }

    @Override
    public String toString() {
        return "AttentiveGruDecoderVertex(name=" + vertexName + ", " + conf + ")";
    }
}
