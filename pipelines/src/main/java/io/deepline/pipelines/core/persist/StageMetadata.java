package io.deepline.pipelines.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.io.Json;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import scala.Option;

import java.util.List;

/**
 * The only class that calls Spark's {@code DefaultParamsWriter}/{@code DefaultParamsReader} (private[ml] in
 * Scala, public in bytecode, and their signatures move between Spark versions). It writes
 * {@code <path>/metadata} with Spark's JSON plus our extra fields, and reads it back.
 *
 * <p>Spark's JSON comes from {@code getMetadataToSave} without extras, and our fields are appended with Jackson:
 * passing them to Spark would need a json4s {@code JObject}, a class json4s 3 (Spark 3.5) and json4s 4 (Spark 4)
 * name differently, so no one source could call it on both lines. The result is what {@code saveMetadata} writes:
 * Spark's fields first, ours after them, one line of JSON in a text file.
 */
public final class StageMetadata {
    private final DefaultParamsReader.Metadata metadata;
    private final JsonNode json;
    private final String path;

    private StageMetadata(DefaultParamsReader.Metadata metadata, JsonNode json, String path) {
        this.metadata = metadata;
        this.json = json;
        this.path = path;
    }

    /** Writes the params of {@code stage} and {@code extra} (plus {@value DeeplineFormat#KEY}) to {@code path/metadata}. */
    public static void save(Params stage, String path, SparkContext sc, ObjectNode extra) {
        String sparkJson = DefaultParamsWriter$.MODULE$.getMetadataToSave(stage, sc, Option.empty(), Option.empty());
        ObjectNode metadata;
        try {
            metadata = (ObjectNode) Json.MAPPER.readTree(sparkJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Spark wrote unreadable metadata for " + stage.uid() + ": " + e.getMessage(), e);
        }
        metadata.setAll(extra.deepCopy().put(DeeplineFormat.KEY, DeeplineFormat.CURRENT));
        JavaSparkContext.fromSparkContext(sc).parallelize(List.of(metadata.toString()), 1)
                .saveAsTextFile(path + "/metadata");
    }

    /**
     * Reads {@code path/metadata}, checking that it describes {@code expectedClass} in a format we read.
     *
     * @throws IllegalStateException naming the path if the directory is missing, corrupt, of another class, or
     *                               of an unknown format version
     */
    public static StageMetadata load(String path, SparkContext sc, Class<?> expectedClass) {
        HadoopFiles files = new HadoopFiles(sc.hadoopConfiguration());
        if (!files.exists(path + "/metadata")) {
            throw new IllegalStateException("no saved stage at " + path + ": " + path + "/metadata is missing;"
                    + " check the path, or save the stage there first");
        }
        DefaultParamsReader.Metadata metadata;
        JsonNode json;
        try {
            metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sc, "");
            json = Json.MAPPER.readTree(metadata.metadataJson());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the metadata at " + path + "/metadata is corrupt (" + e.getMessage()
                    + "); save the stage again", e);
        }
        if (!expectedClass.getName().equals(metadata.className())) {
            throw new IllegalStateException("the stage at " + path + " is a " + metadata.className() + ", not a "
                    + expectedClass.getName() + "; load it with " + metadata.className() + ".load(path)");
        }
        JsonNode format = json.get(DeeplineFormat.KEY);
        if (format == null || !format.canConvertToInt()) {
            throw new IllegalStateException("the metadata at " + path + " has no " + DeeplineFormat.KEY
                    + " field; it was not written by Deepline, or is corrupt");
        }
        DeeplineFormat.requireReadable(format.asInt(), path);
        return new StageMetadata(metadata, json, path);
    }

    /**
     * Loads whatever stage is saved at {@code path}, as Spark's Pipeline reader does: the class named in its
     * metadata, through that class's static {@code read().load(path)}. For containers of other stages (ensembles).
     *
     * @throws IllegalStateException naming the path if nothing is saved there or it cannot be loaded
     */
    public static Object loadStage(String path, SparkContext sc) {
        if (!new HadoopFiles(sc.hadoopConfiguration()).exists(path + "/metadata")) {
            throw new IllegalStateException("no saved stage at " + path + ": " + path + "/metadata is missing;"
                    + " the directory is incomplete, save it again");
        }
        try {
            return DefaultParamsReader$.MODULE$.loadParamsInstance(path, sc);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot load the stage saved at " + path + " (" + e
                    + "); the directory is corrupt or was saved by another version, save it again", e);
        }
    }

    public String uid() {
        return metadata.uid();
    }

    /** A field of the metadata JSON (our extras sit at the top level, next to Spark's). */
    public JsonNode field(String name) {
        JsonNode node = json.get(name);
        if (node == null) {
            throw new IllegalStateException("the metadata at " + path + " lacks the field '" + name
                    + "'; the model directory is corrupt, save it again");
        }
        return node;
    }

    /** Sets the saved param values (and defaults) on {@code stage}. */
    public void applyParamsTo(Params stage) {
        metadata.getAndSetParams(stage, Option.empty());
    }
}
