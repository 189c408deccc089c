package io.deepline.models.layers;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working {@link WeightedOutput}. A labels mask of one weight per example ([rows, 1]) multiplies that example's
 * loss and its gradient exactly once. DL4J's output layer gets both wrong for weights other than 0 and 1:
 * <ul>
 *   <li>its base layer multiplies z and the activations by the mask, so the loss becomes w·L(w·z);</li>
 *   <li>with one output, its losses (MSE, binary cross-entropy, Poisson) take a [rows, 1] mask for a per-output mask
 *       as well and apply it to the gradient twice: the score is Σ w·L but the gradient Σ w²·∂L.</li>
 * </ul>
 * Here z and the activations are computed without the mask, the score keeps DL4J's masked loss (correct), and the
 * backward pass takes the loss gradient unmasked and scales each example's row by its weight. Per-output masks
 * ([rows, outputs], outputs > 1) keep DL4J's backward pass.
 */
public final class WeightedOutputLayer extends OutputLayer {
    private static final long serialVersionUID = 1L;

    public WeightedOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                            LayerWorkspaceMgr workspaceMgr) {
        return withoutMask(() -> super.preOutputWithPreNorm(training, forBackprop, workspaceMgr));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return withoutMask(() -> super.activate(training, workspaceMgr));
    }

    /** As DL4J's output layer backward pass, with {@link #weightedDelta} as the delta. */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (maskArray == null || !maskArray.isColumnVectorOrScalar()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta = weightedDelta(workspaceMgr);
        Gradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsilonNext));
    }

    /** dL/dz of the unmasked loss, each example's row multiplied by its weight. */
    private INDArray weightedDelta(LayerWorkspaceMgr workspaceMgr) {
        INDArray delta = layerConf().getLossFn().computeGradient(getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM),
                preOutput2d(true, workspaceMgr), layerConf().getActivationFn(), null);
        return delta.muliColumnVector(maskArray.castTo(delta.dataType()));
    }

    private <T> T withoutMask(Supplier<T> forward) {
        INDArray weights = maskArray;
        maskArray = null;
        try {
            return forward.get();
        } finally {
            maskArray = weights;
        }
    }
}
