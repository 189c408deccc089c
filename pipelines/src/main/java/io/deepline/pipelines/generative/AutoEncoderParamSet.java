package io.deepline.pipelines.generative;

import io.deepline.models.spec.AutoEncoderArchitecture;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ReconstructionLoss;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of an autoencoder's columns and shape, owned by one stage; exposed through
 * {@link HasAutoEncoderParams}.
 */
public final class AutoEncoderParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> codeCol;
    final Param<String> reconstructionErrorCol;
    final Param<String> architecture;
    final IntArrayParam hiddenLayers;
    final IntParam codeSize;
    final IntArrayParam imageShape;
    final IntArrayParam convFilters;
    final Param<String> activation;
    final DoubleParam leakyReluSlope;
    final Param<String> weightInit;
    final DoubleParam dropout;
    final DoubleParam l2;
    final Param<String> reconstructionLoss;

    public AutoEncoderParamSet(Params owner) {
        featuresCol = new Param<>(owner, "featuresCol", "Vector column to encode and reconstruct (default features)",
                Validators.of(v -> !((String) v).isEmpty()));
        codeCol = new Param<>(owner, "codeCol", "output column: the code, the bottleneck layer's activations as a"
                + " Vector; empty: not written (default code)", Validators.of(v -> true));
        reconstructionErrorCol = new Param<>(owner, "reconstructionErrorCol", "output column: a double per row, the"
                + " mean squared error (1/D)·Σ_j (x_j − x̂_j)² between the features and their reconstruction; empty:"
                + " not written (default reconstructionError)", Validators.of(v -> true));
        architecture = new Param<>(owner, "architecture", "encoder: dense (dense layers) or conv (3×3 convolution +"
                + " 2×2 max-pooling blocks over an image of imageShape, then dense layers) (default dense)",
                Validators.oneOfIgnoringCase(AutoEncoderArchitecture.names()));
        hiddenLayers = new IntArrayParam(owner, "hiddenLayers", "dense encoder layer sizes, input side first, each"
                + " > 0; the decoder mirrors them; may be [] (default [64])", Validators.positiveInts());
        codeSize = new IntParam(owner, "codeSize", "units of the linear code (bottleneck) layer, > 0 and fewer than"
                + " the features (default 8)", Validators.positiveInt());
        imageShape = new IntArrayParam(owner, "imageShape", "conv only: [channels, height, width] of the images,"
                + " whose pixels the features hold in channel-major (c, h, w) order", Validators.positiveInts());
        convFilters = new IntArrayParam(owner, "convFilters", "conv only: filters of each convolution block, input"
                + " side first, each > 0; every block halves height and width (default [16, 32])",
                Validators.positiveInts());
        activation = new Param<>(owner, "activation", "activation of the hidden (not the code) layers: "
                + String.join(", ", HiddenActivation.names()) + " (default relu)",
                Validators.oneOfIgnoringCase(HiddenActivation.names()));
        leakyReluSlope = new DoubleParam(owner, "leakyReluSlope",
                "slope ε in (0, 1) of leakyrelu for negative inputs (default 0.01)", Validators.openUnitInterval());
        weightInit = new Param<>(owner, "weightInit", "initial weights: xavier, he or auto (xavier for"
                + " sigmoid/tanh, he for relu/leakyrelu) (default auto)",
                Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        dropout = new DoubleParam(owner, "dropout", "probability of dropping a unit of every layer's input but the"
                + " first while training, in [0, 1) (default 0)", Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2", "weight decay λ >= 0 of the penalty λ·Σ‖W‖² (default 0)",
                Validators.nonNegativeFinite());
        reconstructionLoss = new Param<>(owner, "reconstructionLoss", "training loss: mse (identity output, any"
                + " real features) or xent (sigmoid output and Bernoulli cross-entropy, features in [0, 1])"
                + " (default mse)", Validators.oneOfIgnoringCase(ReconstructionLoss.names()));
    }
}
