package io.deepline.pipelines.core.param;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.WeightInitScheme;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a feedforward network's shape, owned by one stage. Created in the stage's constructor
 * once its uid is known; exposed through {@link HasMlpParams}.
 */
public final class MlpParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final IntArrayParam hiddenLayers;
    final Param<String> activation;
    final DoubleParam dropout;
    final DoubleParam l2;
    final DoubleParam leakyReluSlope;
    final Param<String> weightInit;
    final BooleanParam fitIntercept;
    final Param<String> normalization;
    final Param<String> batchNormPosition;
    final BooleanParam residual;

    public MlpParamSet(Params owner) {
        hiddenLayers = new IntArrayParam(owner, "hiddenLayers",
                "sizes of the hidden layers, input side first, each > 0; [] for none, a GLM (default [64, 32])",
                Validators.positiveInts());
        activation = new Param<>(owner, "activation",
                "activation of the hidden layers: " + String.join(", ", HiddenActivation.names()) + " (default relu)",
                Validators.oneOfIgnoringCase(HiddenActivation.names()));
        dropout = new DoubleParam(owner, "dropout",
                "probability of dropping a hidden unit while training, in [0, 1) (default 0)",
                Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2",
                "weight decay λ >= 0 of the penalty λ·Σ‖W‖² on the weights, not the biases (default 0)",
                Validators.nonNegativeFinite());
        leakyReluSlope = new DoubleParam(owner, "leakyReluSlope",
                "slope ε in (0, 1) of leakyrelu for negative inputs (default 0.01)", Validators.openUnitInterval());
        weightInit = new Param<>(owner, "weightInit",
                "initial weights: xavier (uniform ±√6/√(D_l+D_{l+1})), he (normal, variance 2/D_l), or auto"
                        + " (xavier for sigmoid/tanh, he for relu/leakyrelu); biases start at 0 (default auto)",
                Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        fitIntercept = new BooleanParam(owner, "fitIntercept",
                "whether layers have bias (intercept) terms (default true)");
        normalization = new Param<>(owner, "normalization",
                "normalization of hidden pre-activations: none, batch (BatchNorm) or layer (LayerNorm) (default none)",
                Validators.oneOfIgnoringCase("none", "batch", "layer"));
        batchNormPosition = new Param<>(owner, "batchNormPosition",
                "where BatchNorm goes: before or after the activation (default before)",
                Validators.oneOfIgnoringCase("before", "after"));
        residual = new BooleanParam(owner, "residual",
                "skip connections around every hidden layer, h_l = φ(W h_{l−1}) + h_{l−1} (a learned projection where"
                        + " the width changes); needs at least one hidden layer (default false)");
    }
}
