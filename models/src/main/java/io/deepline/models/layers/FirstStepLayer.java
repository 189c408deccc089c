package io.deepline.models.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Arrays;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The working {@link FirstStep}: out = X[:, :, 0]; dX is δ at step 0 and 0 at every other step. */
public final class FirstStepLayer extends AbstractLayer<FirstStep> {
    private static final long serialVersionUID = 1L;

    public FirstStepLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = checkedInput();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(),
                new long[] {x.size(0), x.size(1)}, 'c');
        out.assign(x.get(all(), all(), point(0)));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = checkedInput();
        if (epsilon.rank() != 2 || epsilon.size(0) != x.size(0) || epsilon.size(1) != x.size(1)) {
            throw new IllegalStateException("FirstStep " + layerId() + " expects the gradient of its output ["
                    + x.size(0) + ", " + x.size(1) + "], got " + Arrays.toString(epsilon.shape()));
        }
        INDArray dInput = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c'); // zeros
        dInput.get(all(), all(), point(0)).assign(epsilon);
        return new Pair<>(new DefaultGradient(), dInput);
    }

    /**
     * Keeps the input's mask and returns none: the output is one row per sequence, and a [N, T] mask after it would
     * be applied to the feed-forward layers' [N, D] activations. DL4J's {@code GlobalPoolingLayer} does the same.
     */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatchSize) {
        this.maskArray = mask;
        this.maskState = state;
        return null;
    }

    private INDArray checkedInput() {
        if (input.rank() != 3 || input.size(2) < 1) {
            throw new IllegalStateException("FirstStep " + layerId() + " expects NCW [N, D, T] activations with "
                    + "T >= 1, got " + Arrays.toString(input.shape()));
        }
        return input;
    }
}
