package io.deepline.pipelines.vision;

import io.deepline.models.spec.CnnArchitecture;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ImageShape;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Param objects of a convolutional network's input and shape, owned by one stage; see {@link HasImageParams}. */
public final class ImageParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final IntArrayParam imageShape;
    final Param<String> architecture;
    final Param<String> activation;
    final DoubleParam leakyReluSlope;
    final Param<String> weightInit;
    final BooleanParam batchNorm;
    final DoubleParam dropout;
    final DoubleParam l2;

    public ImageParamSet(Params owner) {
        // These validators throw the spec's own message (naming the bad value and the fix) instead of returning
        // false, which would give Spark's generic "invalid value" message.
        imageShape = new IntArrayParam(owner, "imageShape",
                "[channels, height, width] of the images; the features vector holds channels × height × width"
                        + " values, channel by channel, each row by row (required, e.g. [1, 28, 28])",
                Validators.of(shape -> ImageShape.of(shape) != null));
        architecture = new Param<>(owner, "architecture",
                "hidden layers: conv(filters,kernel[,stride]), pool(size[,stride]) (max pooling) and dense(units),"
                        + " space-separated, convolutions first; 'same' padding (default LeNet-5's sizes, '"
                        + CnnArchitecture.LENET + "')",
                Validators.of(text -> CnnArchitecture.parse(text) != null));
        activation = new Param<>(owner, "activation",
                "activation of the conv and dense layers: " + String.join(", ", HiddenActivation.names())
                        + " (default relu)",
                Validators.oneOfIgnoringCase(HiddenActivation.names()));
        leakyReluSlope = new DoubleParam(owner, "leakyReluSlope",
                "slope ε in (0, 1) of leakyrelu for negative inputs (default 0.01)", Validators.openUnitInterval());
        weightInit = new Param<>(owner, "weightInit",
                "initial weights: xavier, he or auto (he for relu/leakyrelu, xavier for the rest) (default auto)",
                Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        batchNorm = new BooleanParam(owner, "batchNorm",
                "BatchNorm between every conv or dense layer and its activation (default false)");
        dropout = new DoubleParam(owner, "dropout",
                "probability of dropping a unit of the flattened feature maps and of every dense layer's output while"
                        + " training, in [0, 1) (default 0)",
                Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2",
                "weight decay λ >= 0 of the penalty λ·Σ‖W‖² on the weights, not the biases (default 0)",
                Validators.nonNegativeFinite());
    }
}
