package io.deepline.pipelines.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.persist.HadoopFiles;
import io.deepline.pipelines.persist.Json;
import io.deepline.pipelines.persist.NetworkFiles;
import io.deepline.pipelines.persist.Provenance;
import io.deepline.pipelines.persist.StageMetadata;
import io.deepline.pipelines.train.EpochStats;
import io.deepline.pipelines.train.TrainingHistory;
import java.util.Arrays;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * The saved form of a {@link DeepClassificationModel} (DESIGN section 8):
 * <pre>
 * path/metadata/          Spark's params JSON + {deeplineFormat, numFeatures, numClasses}
 * path/data/network.zip   DL4J ModelSerializer zip (configuration, params, optimizer state)
 * path/data/history.json  per-epoch training history
 * path/data/provenance.json
 * </pre>
 */
final class DeepClassificationModelPersistence {
    private DeepClassificationModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final DeepClassificationModel model;

        Writer(DeepClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageMetadata.save(model, path, sc(), Json.MAPPER.createObjectNode()
                    .put("numFeatures", model.numFeatures()).put("numClasses", model.numClasses()));
            HadoopFiles files = new HadoopFiles(sc().hadoopConfiguration());
            new NetworkFiles(files).write(model.networkSnapshot(), path + "/data/network.zip");
            try {
                files.writeText(path + "/data/history.json",
                        Json.MAPPER.writeValueAsString(model.trainingHistory().epochs()));
                files.writeText(path + "/data/provenance.json", Json.MAPPER.writeValueAsString(model.provenance()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the history or provenance of " + model.uid(), e);
            }
        }
    }

    static final class Reader extends MLReader<DeepClassificationModel> {
        @Override
        public DeepClassificationModel load(String path) {
            StageMetadata metadata = StageMetadata.load(path, sc(), DeepClassificationModel.class);
            HadoopFiles files = new HadoopFiles(sc().hadoopConfiguration());
            NetworkSnapshot network = new NetworkFiles(files).read(path + "/data/network.zip");
            TrainingHistory history;
            Provenance provenance;
            try {
                history = new TrainingHistory(Arrays.asList(
                        Json.MAPPER.readValue(files.readText(path + "/data/history.json"), EpochStats[].class)));
                provenance = Json.MAPPER.readValue(files.readText(path + "/data/provenance.json"), Provenance.class);
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalStateException("the history or provenance under " + path + "/data is missing or "
                        + "corrupt (" + e.getMessage() + "); save the model again", e);
            }
            DeepClassificationModel model = new DeepClassificationModel(metadata.uid());
            metadata.applyParamsTo(model);
            model.setState(network, metadata.field("numFeatures").asInt(), metadata.field("numClasses").asInt(),
                    history, provenance);
            return model;
        }
    }
}
