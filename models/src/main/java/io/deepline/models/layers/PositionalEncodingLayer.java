package io.deepline.models.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The working {@link PositionalEncoding}: out = X + P (P built for the batch's D and T), dX = dOut. */
public final class PositionalEncodingLayer extends AbstractLayer<PositionalEncoding> {
    private static final long serialVersionUID = 1L;

    public PositionalEncodingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** P as [1, D, T], to broadcast over the batch. */
    static INDArray encodings(long features, long steps, DataType type) {
        double[] p = new double[(int) (features * steps)];
        for (int i = 0; i < features; i++) {
            for (int t = 0; t < steps; t++) {
                p[(int) (i * steps + t)] = PositionalEncoding.value(t, i, features);
            }
        }
        return Nd4j.create(p, new long[] {1, features, steps}, 'c').castTo(type);
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
    public void clearNoiseWeightParams() {
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3) {
            throw new IllegalStateException("PositionalEncoding " + layerId() + " expects NCW [N, D, T] activations,"
                    + " got " + java.util.Arrays.toString(input.shape()));
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        out.assign(input).addi(encodings(input.size(1), input.size(2), input.dataType()));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon.dup()));
    }
}
