package io.deepline.models.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The working {@link LayerNorm} inside a network: forward pass and hand-derived backward pass. Features are on
 * axis 1 of [N, D] or [N, D, T] activations. With x̂ = (a − mean)/σ and σ = √(Var + ε) per row (per time step):
 * <pre>
 *   out = γ ⊙ x̂ + β
 *   dβ = Σ δ,   dγ = Σ δ ⊙ x̂          (sums over examples and time steps)
 *   da = (g − mean_D(g) − x̂ ⊙ mean_D(g ⊙ x̂)) / σ,   g = δ ⊙ γ
 * </pre>
 * where δ = dL/dout. Statistics are recomputed in the backward pass rather than cached, so the layer keeps no
 * state between calls.
 */
public final class LayerNormLayer extends BaseLayer<LayerNorm> {
    private static final long serialVersionUID = 1L;

    public LayerNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.NORMALIZATION;
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
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
        out.assign(normalise(x)[0]).muli(broadcastable(LayerNorm.GAMMA, x)).addi(broadcastable(LayerNorm.BETA, x));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = checkedInput();
        INDArray[] normalised = normalise(x);
        INDArray xHat = normalised[0];
        INDArray sigma = normalised[1];
        int[] notFeatures = x.rank() == 2 ? new int[] {0} : new int[] {0, 2};

        INDArray dGamma = gradientViews.get(LayerNorm.GAMMA);
        INDArray dBeta = gradientViews.get(LayerNorm.BETA);
        dGamma.assign(epsilon.mul(xHat).sum(notFeatures).reshape(dGamma.shape()));
        dBeta.assign(epsilon.sum(notFeatures).reshape(dBeta.shape()));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LayerNorm.GAMMA, dGamma);
        gradient.gradientForVariable().put(LayerNorm.BETA, dBeta);

        INDArray g = epsilon.mul(broadcastable(LayerNorm.GAMMA, x));
        INDArray gxHatMean = g.mul(xHat).mean(true, 1);
        INDArray dInput = g.subi(g.mean(true, 1)).subi(xHat.muli(gxHatMean)).divi(sigma);
        dInput = backpropDropOutIfPresent(dInput);
        return new Pair<>(gradient, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dInput));
    }

    /** {x̂, σ}: the standardised input and the per-row (per-time-step) √(population variance + ε). */
    private INDArray[] normalise(INDArray x) {
        INDArray centred = x.sub(x.mean(true, 1));
        INDArray variance = centred.mul(centred).mean(true, 1); // divides by D: the population variance
        INDArray sigma = Transforms.sqrt(variance.addi(layerConf().epsilon()), false);
        return new INDArray[] {centred.divi(sigma), sigma};
    }

    /** γ or β, shaped to broadcast over the input: [1, D] for [N, D], [1, D, 1] for [N, D, T]. */
    private INDArray broadcastable(String key, INDArray x) {
        INDArray param = getParam(key);
        return x.rank() == 3 ? param.reshape(1, param.length(), 1) : param;
    }

    private INDArray checkedInput() {
        long d = layerConf().getNIn();
        if ((input.rank() != 2 && input.rank() != 3) || input.size(1) != d) {
            throw new IllegalStateException("LayerNorm " + layerId() + " expects [N, " + d + "] or [N, " + d
                    + ", T] activations, got " + java.util.Arrays.toString(input.shape()));
        }
        return input;
    }
}
