package io.deepline.pipelines.param;

import io.deepline.models.spec.HiddenActivation;
import java.io.Serializable;
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

    public MlpParamSet(Params owner) {
        hiddenLayers = new IntArrayParam(owner, "hiddenLayers",
                "sizes of the hidden layers, input side first; at least one, each > 0 (default [64, 32])",
                Validators.nonEmptyPositiveInts());
        activation = new Param<>(owner, "activation",
                "activation of the hidden layers: " + String.join(", ", HiddenActivation.names()) + " (default relu)",
                Validators.oneOfIgnoringCase(HiddenActivation.names()));
        dropout = new DoubleParam(owner, "dropout",
                "probability of dropping a hidden unit while training, in [0, 1) (default 0)",
                Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2", "L2 penalty on the weights, >= 0 (default 0)",
                Validators.nonNegativeFinite());
    }
}
