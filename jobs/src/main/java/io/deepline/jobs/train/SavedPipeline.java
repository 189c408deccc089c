package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfigException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.StructType;

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

    /**
     * Checks that {@code schema} has the columns the model reads, naming the missing ones; Spark's own error for
     * this (from deep inside the first stage that needs one) names one column and no fix.
     *
     * @param key where the data comes from in the job file, e.g. {@code predict.input.path}
     * @throws JobConfigException naming {@code key}, the missing columns and the available ones
     */
    public static void requireInputs(PipelineModel model, StructType schema, String key) {
        try {
            model.transformSchema(schema);
            return;
        } catch (RuntimeException e) {
            Set<String> produced = new HashSet<>(List.of(schema.fieldNames()));
            Set<String> read = new LinkedHashSet<>();
            for (Transformer stage : model.stages()) {
                for (String name : INPUTS) {
                    columns(stage, name).stream().filter(c -> !produced.contains(c)).forEach(read::add);
                }
                for (String name : OUTPUTS) {
                    produced.addAll(columns(stage, name));
                }
            }
            if (read.isEmpty()) {
                throw new IllegalStateException("the model cannot score the data of " + key + ": " + e.getMessage(),
                        e);
            }
            throw new JobConfigException(key, "the data lacks column(s) " + read + " that the model reads",
                    "Score data with the columns the model was trained on; the data has "
                            + List.of(schema.fieldNames()), e);
        }
    }

    private static final List<String> INPUTS = List.of("inputCol", "inputCols", "featuresCol");
    private static final List<String> OUTPUTS = List.of("outputCol", "outputCols", "predictionCol",
            "probabilityCol", "rawPredictionCol");

    /** The column(s) a stage's column Param names, if the stage has that Param and it is defined. */
    private static List<String> columns(Params stage, String param) {
        if (!stage.hasParam(param) || !stage.isDefined(stage.getParam(param))) {
            return List.of();
        }
        Object value = stage.getOrDefault(stage.getParam(param));
        if (value instanceof String[] names) {
            return List.of(names);
        }
        return value instanceof String name && !name.isEmpty() ? List.of(name) : List.of();
    }
}
