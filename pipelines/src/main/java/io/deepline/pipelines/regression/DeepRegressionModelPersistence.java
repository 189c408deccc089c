package io.deepline.pipelines.regression;

import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link DeepRegressionModel} as {@link NetworkModelFiles} with its sizes in the metadata. */
final class DeepRegressionModelPersistence {
    private DeepRegressionModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final DeepRegressionModel model;

        Writer(DeepRegressionModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                            .put("numFeatures", model.numFeatures()).put("numOutputs", model.numOutputs())
                            .put("vectorLabel", model.isMultiOutput()),
                    model.networkSnapshot(), model.trainingHistory(), model.provenance());
        }
    }

    static final class Reader extends MLReader<DeepRegressionModel> {
        @Override
        public DeepRegressionModel load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), DeepRegressionModel.class);
            DeepRegressionModel model = new DeepRegressionModel(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            model.setState(saved.network(), saved.metadata().field("numFeatures").asInt(),
                    saved.metadata().field("numOutputs").asInt(), saved.metadata().field("vectorLabel").asBoolean(),
                    saved.history(), saved.provenance());
            return model;
        }
    }
}
