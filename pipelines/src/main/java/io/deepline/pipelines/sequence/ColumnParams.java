package io.deepline.pipelines.sequence;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column Params of the sequence stages that are not MLlib {@code Predictor}s ({@link SequenceTagger},
 * {@link SequenceGenerator}), named as MLlib's predictors name them: a Predictor casts the label to double, and
 * these labels are arrays.
 */
public interface ColumnParams<S extends ColumnParams<S>> extends Params {

    /** This stage's three column Params; see {@link ColumnParamSet} for each stage's docs. */
    ColumnParamSet columnParams();

    default Param<String> featuresCol() {
        return columnParams().featuresCol;
    }

    default Param<String> labelCol() {
        return columnParams().labelCol;
    }

    default Param<String> predictionCol() {
        return columnParams().predictionCol;
    }

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

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setFeaturesCol(String value) {
        set(featuresCol(), value);
        return self();
    }

    default S setLabelCol(String value) {
        set(labelCol(), value);
        return self();
    }

    default S setPredictionCol(String value) {
        set(predictionCol(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
