package io.deepline.pipelines.core.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.train.TrainingHistory;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.param.Params;

/**
 * The saved form of every network-backed model (docs/ARCHITECTURE.md, Persistence):
 * <pre>
 * path/metadata/             Spark's params JSON + {deeplineFormat, the model's sizes}
 * path/data/network.zip      DL4J ModelSerializer zip (configuration, params, optimizer state)
 * path/data/history.json     per-epoch training history (and validation outcome, format 2)
 * path/data/provenance.json  versions, data, timing
 * </pre>
 */
public final class NetworkModelFiles {

    /** What a reader gets back; the caller builds its model from these. */
    public record Loaded(StageMetadata metadata, NetworkSnapshot network, TrainingHistory history,
                         Provenance provenance) {
    }

    private NetworkModelFiles() {
    }

    public static void save(Params model, String path, SparkContext sc, ObjectNode sizes, NetworkSnapshot network,
                            TrainingHistory history, Provenance provenance) {
        StageMetadata.save(model, path, sc, sizes);
        HadoopFiles files = new HadoopFiles(sc.hadoopConfiguration());
        new NetworkFiles(files).write(network, path + "/data/network.zip");
        try {
            files.writeText(path + "/data/history.json", HistoryJson.write(history));
            files.writeText(path + "/data/provenance.json", Json.MAPPER.writeValueAsString(provenance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the history or provenance of " + model.uid(), e);
        }
    }

    public static Loaded load(String path, SparkContext sc, Class<?> modelClass) {
        StageMetadata metadata = StageMetadata.load(path, sc, modelClass);
        HadoopFiles files = new HadoopFiles(sc.hadoopConfiguration());
        ModelSizeLimit limit = ModelSizeLimit.current();
        NetworkSnapshot network = new NetworkFiles(files).read(path + "/data/network.zip", limit);
        try {
            TrainingHistory history = HistoryJson.read(limit.readText(files, path + "/data/history.json"));
            Provenance provenance = Json.MAPPER.readValue(limit.readText(files, path + "/data/provenance.json"),
                    Provenance.class);
            return new Loaded(metadata, network, history, provenance);
        } catch (ModelSizeLimit.Exceeded e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the history or provenance under " + path + "/data is missing or "
                    + "corrupt (" + e.getMessage() + "); save the model again", e);
        }
    }
}
