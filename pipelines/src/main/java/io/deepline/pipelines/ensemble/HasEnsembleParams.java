package io.deepline.pipelines.ensemble;

import java.util.Locale;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Params of {@link EnsembleEstimator} and {@link EnsembleModel}, so that {@code fit} copies them onto the
 * model. Each is a public no-arg method: Spark finds Params by reflection.
 */
public interface HasEnsembleParams<S extends HasEnsembleParams<S>> extends Params {
    /** {@code voting} value: the class most members predict. */
    String HARD = "hard";
    /** {@code voting} value: the class of highest mean member probability. */
    String SOFT = "soft";

    EnsembleParamSet ensembleParams();

    default Param<String> voting() {
        return ensembleParams().voting;
    }

    default Param<String> predictionCol() {
        return ensembleParams().predictionCol;
    }

    default Param<String> probabilityCol() {
        return ensembleParams().probabilityCol;
    }

    default Param<String> rawPredictionCol() {
        return ensembleParams().rawPredictionCol;
    }

    /** {@value #HARD} or {@value #SOFT}, normalised. */
    default String getVoting() {
        return getOrDefault(voting()).trim().toLowerCase(Locale.ROOT);
    }

    default boolean isSoftVoting() {
        return SOFT.equals(getVoting());
    }

    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    default String getRawPredictionCol() {
        return getOrDefault(rawPredictionCol());
    }

    /** Sets the documented defaults; call from the stage's constructor. */
    default void setEnsembleDefaults() {
        setDefault(voting(), SOFT);
        setDefault(predictionCol(), "prediction");
        setDefault(probabilityCol(), "probability");
        setDefault(rawPredictionCol(), "rawPrediction");
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setVoting(String value) {
        set(voting(), value);
        return self();
    }

    default S setPredictionCol(String value) {
        set(predictionCol(), value);
        return self();
    }

    default S setProbabilityCol(String value) {
        set(probabilityCol(), value);
        return self();
    }

    default S setRawPredictionCol(String value) {
        set(rawPredictionCol(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
