package io.deepline.jobs.train;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.core.io.HadoopFiles;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Loads a saved {@code PipelineModel} for the commands that use one: predict, evaluate and retrain's champion. */
public final class SavedPipeline {

    private SavedPipeline() {
    }

    /**
     * Loads the model a user named: a path that does not exist is their mistake, reported before Hadoop's bare
     * "Input path does not exist"; any other failure becomes one message naming the path (exit code 1, a runtime
     * failure), never a raw Spark or ND4J trace.
     *
     * @param key where the path comes from, for the message (e.g. {@code predict.model} or {@code --model})
     * @throws JobConfigException naming {@code key} if nothing is at {@code path}
     * @throws IllegalStateException if {@code path} holds no loadable PipelineModel
     */
    public static PipelineModel load(String path, String key) {
        if (!exists(path)) {
            throw new JobConfigException(key, "there is no model at '" + path + "' (the path does not exist)",
                    "Point " + key + " at a train job's output.model directory");
        }
        return loadExisting(path, key, "point " + key + " at a train job's output.model directory, and if it is"
                + " one, it is damaged: train again");
    }

    /**
     * Loads a registry version's model, which the registry says is there: its absence means the registry is
     * damaged, not that the user mistyped a path.
     *
     * @param version what the model is, for the message (e.g. {@code the champion, version 3 of <root>})
     * @throws IllegalStateException naming the version and the path if the model is missing or cannot be loaded
     */
    public static PipelineModel loadRegistered(String path, String version) {
        String fix = "the registry is damaged: write the number of a version with a complete model into its CHAMPION"
                + " file (a manual rollback) and run again";
        if (!exists(path)) {
            throw new IllegalStateException(version + " has no model: '" + path + "' does not exist; " + fix);
        }
        return loadExisting(path, version, fix);
    }

    private static PipelineModel loadExisting(String path, String what, String fix) {
        try {
            return PipelineModel.load(path);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load a PipelineModel from '" + path + "' (" + what + "): "
                    + e.getMessage() + "; " + fix, e);
        }
    }

    /** Checked on the file system {@code PipelineModel.load} reads, the active session's. */
    private static boolean exists(String path) {
        return new HadoopFiles(SparkSession.active().sparkContext().hadoopConfiguration()).exists(path);
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
