package io.deepline.models.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The working {@link PositionWiseDense}: the sequence's positions as rows [N·T, nIn] (row n·T + t), one matrix
 * product, the activation, and back to NCW. With δ = dL/dout as rows and z the pre-activation:
 * <pre>
 *   g = σ'(z) ⊙ δ,   dW = Xᵀ g,   db = Σ_rows g,   dX = g Wᵀ
 * </pre>
 */
public final class PositionWiseDenseLayer extends BaseLayer<PositionWiseDense> {
    private static final long serialVersionUID = 1L;

    public PositionWiseDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
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
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = checkedInput();
        INDArray z = preOutputRows(x, training, workspaceMgr);
        INDArray activated = layerConf().getActivationFn().getActivation(z, training);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, toNcw(activated, x.size(0), x.size(2)));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = checkedInput();
        INDArray rows = rows(x);
        INDArray z = preOutputRows(x, true, workspaceMgr);
        INDArray g = layerConf().getActivationFn().backprop(z, rows(epsilon.castTo(x.dataType()))).getFirst();

        INDArray dW = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray db = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        dW.assign(rows.transpose().mmul(g));
        db.assign(g.sum(true, 0));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, dW);
        gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, db);

        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray dInput = toNcw(g.mmul(w.transpose()), x.size(0), x.size(2));
        dInput = backpropDropOutIfPresent(dInput);
        return new Pair<>(gradient, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dInput));
    }

    /** z = X W + b as rows [N·T, nOut], in a new array. */
    private INDArray preOutputRows(INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
        return rows(x).mmul(w).addiRowVector(b);
    }

    /** [N, F, T] → rows [N·T, F]. */
    private static INDArray rows(INDArray ncw) {
        return ncw.permute(0, 2, 1).dup('c').reshape('c', ncw.size(0) * ncw.size(2), ncw.size(1));
    }

    /** Rows [N·T, F] → [N, F, T]. */
    private static INDArray toNcw(INDArray rows, long batch, long steps) {
        return rows.reshape('c', batch, steps, rows.size(1)).permute(0, 2, 1).dup('c');
    }

    private INDArray checkedInput() {
        long nIn = layerConf().getNIn();
        if (input.rank() != 3 || input.size(1) != nIn) {
            throw new IllegalStateException("PositionWiseDense " + layerId() + " expects NCW [N, " + nIn + ", T]"
                    + " activations, got " + Arrays.toString(input.shape()));
        }
        return input;
    }
}
