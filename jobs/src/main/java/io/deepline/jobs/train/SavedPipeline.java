package io.deepline.jobs.train;

import org.apache.spark.ml.PipelineModel;

/** Loads a saved {@code PipelineModel} for the commands that use one: predict, evaluate and retrain's champion. */
public final class SavedPipeline {

    private SavedPipeline() {
    }

    /**
     * Loads the model; any failure becomes one message naming the path (exit code 1, a runtime failure), never a
     * raw Spark or ND4J trace.
     *
     * @param key where the path comes from, for the message (e.g. {@code predict.model})
     * @throws IllegalStateException if {@code path} holds no loadable PipelineModel
     */
    public static PipelineModel load(String path, String key) {
        try {
            return PipelineModel.load(path);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load a PipelineModel from '" + path + "' (" + key + "): "
                    + e.getMessage() + "; point " + key + " at a train job's output.model directory, and if it is"
                    + " one, it is damaged: train again", e);
        }
    }
}
