package io.deepline.models.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Arrays;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working {@link ClassToken} inside a network. With c the token, X the input [N, D, T] and δ = dL/dout
 * [N, D, T + 1]:
 * <pre>
 *   out[:, :, 0] = c,   out[:, :, 1:] = X
 *   dc = Σ_n δ[n, :, 0],   dX = δ[:, :, 1:]
 * </pre>
 * Masks: {@link #feedForwardMaskArray} keeps the input's mask [N, T] as this layer's own (what its input is masked
 * by) and hands the layers after it the mask [N, T + 1] with a 1 in front, the shape of this layer's output.
 */
public final class ClassTokenLayer extends BaseLayer<ClassToken> {
    private static final long serialVersionUID = 1L;

    public ClassTokenLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = checkedInput();
        long batch = x.size(0);
        long d = x.size(1);
        long steps = x.size(2);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(),
                new long[] {batch, d, steps + 1}, 'c');
        out.get(all(), all(), point(0)).assign(getParam(ClassToken.CLS).broadcast(batch, d));
        out.get(all(), all(), interval(1, steps + 1)).assign(x);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = checkedInput();
        long steps = x.size(2);
        long[] expected = {x.size(0), x.size(1), steps + 1};
        if (!Arrays.equals(epsilon.shape(), expected)) {
            throw new IllegalStateException("ClassToken " + layerId() + " expects the gradient of its output "
                    + Arrays.toString(expected) + " (one step more than its input), got "
                    + Arrays.toString(epsilon.shape()));
        }
        INDArray dCls = gradientViews.get(ClassToken.CLS);
        dCls.assign(epsilon.get(all(), all(), point(0)).sum(0).reshape(dCls.shape()));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(ClassToken.CLS, dCls);

        INDArray dInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
        dInput.assign(epsilon.get(all(), all(), interval(1, steps + 1)));
        return new Pair<>(gradient, backpropDropOutIfPresent(dInput));
    }

    /**
     * Stores the input's mask [N, T] (the mask of what this layer reads) and returns [N, T + 1] with a 1 column in
     * front, the mask of what it outputs; no mask stays no mask. The new mask lives outside any workspace: DL4J
     * sets masks before a pass opens its workspaces and reads them after they close.
     */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatchSize) {
        if (mask != null && (mask.rank() != 2 || mask.size(0) != minibatchSize)) {
            throw new IllegalStateException("ClassToken " + layerId() + " expects a feature mask [batch, T] with batch "
                    + minibatchSize + ", got " + Arrays.toString(mask.shape())
                    + "; give 1 for real steps, 0 for padding");
        }
        this.maskArray = mask;
        this.maskState = state;
        if (mask == null) {
            return new Pair<>(null, state);
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray extended = Nd4j.ones(mask.dataType(), mask.size(0), mask.size(1) + 1);
            extended.get(all(), interval(1, mask.size(1) + 1)).assign(mask);
            return new Pair<>(extended, state);
        }
    }

    private INDArray checkedInput() {
        long d = layerConf().getNIn();
        if (input.rank() != 3 || input.size(1) != d || input.size(2) < 1) {
            throw new IllegalStateException("ClassToken " + layerId() + " expects NCW [N, " + d + ", T] activations "
                    + "with T >= 1, got " + Arrays.toString(input.shape()));
        }
        if (maskArray != null && (maskArray.size(0) != input.size(0) || maskArray.size(1) != input.size(2))) {
            throw new IllegalStateException("ClassToken " + layerId() + " has a feature mask "
                    + Arrays.toString(maskArray.shape()) + " for input " + Arrays.toString(input.shape())
                    + "; the mask must be [N, T] = [" + input.size(0) + ", " + input.size(2) + "]");
        }
        return input;
    }
}
