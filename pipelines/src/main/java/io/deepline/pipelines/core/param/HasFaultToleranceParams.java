package io.deepline.pipelines.core.param;

import java.util.Locale;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Params that keep a long distributed fit alive and honest: checkpoints and resume, the divergence guard, the
 * sync mode of the workers and the epoch retries. Part of {@link HasTrainingParams}; backed by its
 * {@link TrainingParamSet}.
 */
public interface HasFaultToleranceParams<S extends HasFaultToleranceParams<S>> extends Params {

    /** This stage's instances of the training Params. */
    TrainingParamSet trainingParams();

    default Param<String> checkpointDir() {
        return trainingParams().checkpointDir;
    }

    default IntParam checkpointInterval() {
        return trainingParams().checkpointInterval;
    }

    default Param<String> checkpointMode() {
        return trainingParams().checkpointMode;
    }

    default DoubleParam divergenceFactor() {
        return trainingParams().divergenceFactor;
    }

    /** The divergence guard's factor, 0 when it is off. */
    default double getDivergenceFactor() {
        return (Double) getOrDefault(divergenceFactor());
    }

    /** The checkpoint directory, or "" when the fit writes no checkpoints. */
    default String getCheckpointDir() {
        return getOrDefault(checkpointDir()).trim();
    }

    default int getCheckpointInterval() {
        return (Integer) getOrDefault(checkpointInterval());
    }

    /** "resume" or "overwrite", lower case. */
    default String getCheckpointMode() {
        return getOrDefault(checkpointMode()).trim().toLowerCase(Locale.ROOT);
    }

    default Param<String> syncMode() {
        return trainingParams().syncMode;
    }

    default IntParam maxEpochRetries() {
        return trainingParams().maxEpochRetries;
    }

    default String getSyncMode() {
        return getOrDefault(syncMode());
    }

    default int getMaxEpochRetries() {
        return (Integer) getOrDefault(maxEpochRetries());
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    /** A Hadoop directory for training checkpoints; a later fit of the same params and data resumes from it. */
    default S setCheckpointDir(String value) {
        set(checkpointDir(), value);
        return self();
    }

    default S setCheckpointInterval(int value) {
        set(checkpointInterval(), value);
        return self();
    }

    /** "resume" (default) or "overwrite". */
    default S setCheckpointMode(String value) {
        set(checkpointMode(), value);
        return self();
    }

    /** The divergence guard's factor: &gt; 1, or 0 to turn it off (see the Param's doc). */
    default S setDivergenceFactor(double value) {
        set(divergenceFactor(), value);
        return self();
    }

    default S setSyncMode(String value) {
        set(syncMode(), value);
        return self();
    }

    default S setMaxEpochRetries(int value) {
        set(maxEpochRetries(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
