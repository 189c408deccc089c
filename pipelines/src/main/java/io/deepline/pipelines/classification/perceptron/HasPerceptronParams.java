package io.deepline.pipelines.classification.perceptron;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.SparkSession;

/**
 * The perceptron's Params, shared by {@link PerceptronClassifier} and {@link PerceptronClassificationModel} so
 * that {@code fit} copies them onto the model. Each is a public no-arg method: Spark finds Params by reflection.
 */
public interface HasPerceptronParams<S extends HasPerceptronParams<S>> extends Params {

    /** This stage's instances of the perceptron Params. */
    PerceptronParamSet perceptronParams();

    default IntParam maxIter() {
        return perceptronParams().maxIter;
    }

    default LongParam seed() {
        return perceptronParams().seed;
    }

    default IntParam numWorkers() {
        return perceptronParams().numWorkers;
    }

    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** {@code numWorkers} if set, else the session's default parallelism (as the other Deepline estimators). */
    default int resolveNumWorkers(SparkSession spark) {
        return isDefined(numWorkers()) ? (Integer) getOrDefault(numWorkers())
                : Math.max(1, spark.sparkContext().defaultParallelism());
    }

    /** Sets the documented defaults; call from the stage's constructor. numWorkers has none on purpose. */
    default void setPerceptronDefaults() {
        setDefault(maxIter(), 100);
        setDefault(seed(), 42L);
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setMaxIter(int value) {
        set(maxIter(), value);
        return self();
    }

    default S setSeed(long value) {
        set(seed(), value);
        return self();
    }

    default S setNumWorkers(int value) {
        set(numWorkers(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
