package io.deepline.pipelines.sequence;

import io.deepline.pipelines.param.Validators;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column Params of {@link SequenceTagger} and its model, named as MLlib's predictors name them. The tagger is
 * not an MLlib {@code Predictor}: a Predictor casts the label to double, and a tagger's label is an array.
 */
public interface TaggerColumnParams extends Params {

    /** Creates the three Params for {@code owner}; call from its constructor once the uid is set. */
    static Param<String>[] create(Params owner) {
        @SuppressWarnings("unchecked")
        Param<String>[] params = new Param[] {
            new Param<>(owner, "featuresCol", "sequence column: array<array<double>>, array<int> token ids or"
                    + " array<double> (default features)", Validators.of(v -> !((String) v).isEmpty())),
            new Param<>(owner, "labelCol", "per-step class labels: array<double> of 0-based classes, as long as the"
                    + " sequence (default label)", Validators.of(v -> !((String) v).isEmpty())),
            new Param<>(owner, "predictionCol", "output column: array<double> of predicted classes, one per step"
                    + " (default prediction)", Validators.of(v -> !((String) v).isEmpty()))};
        return params;
    }

    Param<String> featuresCol();

    Param<String> labelCol();

    Param<String> predictionCol();

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    /** Sets the MLlib-style default names; call from the constructor. */
    default void setColumnDefaults() {
        setDefault(featuresCol(), "features");
        setDefault(labelCol(), "label");
        setDefault(predictionCol(), "prediction");
    }
}
