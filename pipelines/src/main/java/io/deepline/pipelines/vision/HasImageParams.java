package io.deepline.pipelines.vision;

import io.deepline.models.spec.CnnArchitecture;
import io.deepline.models.spec.CnnSpec;
import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ImageShape;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.HasActivationParams;
import io.deepline.pipelines.core.param.HasArchitectureParams;
import io.deepline.pipelines.core.param.HasLayerParams;
import io.deepline.pipelines.core.param.HasTrainingParams;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;

/** The input and shape of a convolutional network as Spark Params, shared by {@link ImageClassifier} and its model. */
public interface HasImageParams<S extends HasImageParams<S>> extends HasTrainingParams<S>, HasLayerParams<S>,
        HasActivationParams<S>, HasArchitectureParams<S> {

    ImageParamSet imageParams();

    default IntArrayParam imageShape() {
        return imageParams().imageShape;
    }

    default Param<String> architecture() {
        return imageParams().architecture;
    }

    default Param<String> activation() {
        return imageParams().activation;
    }

    default DoubleParam leakyReluSlope() {
        return imageParams().leakyReluSlope;
    }

    default Param<String> weightInit() {
        return imageParams().weightInit;
    }

    default BooleanParam batchNorm() {
        return imageParams().batchNorm;
    }

    default DoubleParam dropout() {
        return imageParams().dropout;
    }

    default DoubleParam l2() {
        return imageParams().l2;
    }

    /** The image shape; fails, saying what to set, when it was never set. */
    default ImageShape getImageShape() {
        if (!isDefined(imageShape())) {
            throw new IllegalArgumentException("imageShape is not set; set it to [channels, height, width] of the"
                    + " images in the features column, e.g. [1, 28, 28] for grey 28×28 images");
        }
        return ImageShape.of(getOrDefault(imageShape()));
    }

    default boolean getBatchNorm() {
        return (Boolean) getOrDefault(batchNorm());
    }

    /** Sets the documented defaults; imageShape has none. Call from the stage's constructor. */
    default void setImageDefaults() {
        setDefault(architecture(), CnnArchitecture.LENET);
        setDefault(activation(), "relu");
        setDefault(leakyReluSlope(), 0.01);
        setDefault(weightInit(), "auto");
        setDefault(batchNorm(), false);
        setDefault(dropout(), 0.0);
        setDefault(l2(), 0.0);
    }

    /** The validated network spec these Params describe. */
    default CnnSpec toCnnSpec() {
        NetworkTraining training = toNetworkTraining(WeightInitScheme.parse(getWeightInit()), getL2());
        return new CnnSpec(getImageShape(), CnnArchitecture.parse(getArchitecture()),
                HiddenActivation.parse(getActivation()), getLeakyReluSlope(), getBatchNorm(), getDropout(), training);
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setImageShape(int[] value) {
        set(imageShape(), value);
        return self();
    }

    default S setBatchNorm(boolean value) {
        set(batchNorm(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
