package io.deepline.pipelines.classification;

import io.deepline.pipelines.persist.Json;
import io.deepline.pipelines.persist.NetworkModelFiles;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link DeepClassificationModel} as {@link NetworkModelFiles} with its sizes in the metadata. */
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
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                            .put("numFeatures", model.numFeatures()).put("numClasses", model.numClasses()),
                    model.networkSnapshot(), model.trainingHistory(), model.provenance());
        }
    }

    static final class Reader extends MLReader<DeepClassificationModel> {
        @Override
        public DeepClassificationModel load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), DeepClassificationModel.class);
            DeepClassificationModel model = new DeepClassificationModel(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            model.setState(saved.network(), saved.metadata().field("numFeatures").asInt(),
                    saved.metadata().field("numClasses").asInt(), saved.history(), saved.provenance());
            return model;
        }
    }
}
