package io.deepline.pipelines.sequence;

import io.deepline.pipelines.param.Validators;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column Params of the sequence stages that are not MLlib {@code Predictor}s ({@link SequenceTagger},
 * {@link SequenceGenerator}), named as MLlib's predictors name them: a Predictor casts the label to double, and
 * these labels are arrays.
 */
public interface ColumnParams<S extends ColumnParams<S>> extends Params {

    /** The tagger's three column Params for {@code owner}; call from its constructor once the uid is set. */
    static Param<String>[] forTagger(Params owner) {
        return create(owner, "sequence column: array<array<double>>, array<int> token ids or array<double>",
                "per-step class labels: array<double> of 0-based classes, as long as the sequence",
                "output column: array<double> of predicted classes, one per step");
    }

    /** The generator's three column Params for {@code owner}. */
    static Param<String>[] forGenerator(Params owner) {
        return create(owner, "Vector column the sequences are generated from",
                "target sequences: array<int> token ids (vocabularySize set) or array<double> values",
                "output column: the generated array<int> token ids or array<double> values");
    }

    /** The encoder-decoder's three column Params for {@code owner}. */
    static Param<String>[] forSeq2Seq(Params owner) {
        return create(owner, "source token ids: array<int>", "target token ids: array<int> (a leading begin id is"
                + " dropped, an end id appended when missing)", "output column: the decoded array<int> token ids");
    }

    private static Param<String>[] create(Params owner, String features, String label, String prediction) {
        @SuppressWarnings("unchecked")
        Param<String>[] params = new Param[] {
            new Param<>(owner, "featuresCol", features + " (default features)",
                    Validators.of(v -> !((String) v).isEmpty())),
            new Param<>(owner, "labelCol", label + " (default label)", Validators.of(v -> !((String) v).isEmpty())),
            new Param<>(owner, "predictionCol", prediction + " (default prediction)",
                    Validators.of(v -> !((String) v).isEmpty()))};
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
