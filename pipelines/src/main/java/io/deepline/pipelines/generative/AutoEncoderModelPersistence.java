package io.deepline.pipelines.generative;

import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import org.apache.spark.ml.util.MLReader;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.apache.spark.ml.util.MLWriter;

/** Saves an {@link AutoEncoderModel} as {@link NetworkModelFiles}, with its input width and code layer index. */
final class AutoEncoderModelPersistence {
    private AutoEncoderModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final AutoEncoderModel model;

        Writer(AutoEncoderModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                            .put("numFeatures", model.numFeatures()).put("codeLayerIndex", model.codeLayerIndex()),
                    model.networkSnapshot(), model.trainingHistory(), model.provenance());
        }
    }

    static final class Reader extends MLReader<AutoEncoderModel> {
        @Override
        public AutoEncoderModel load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), AutoEncoderModel.class);
            AutoEncoderModel model = new AutoEncoderModel(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            int codeLayerIndex = saved.metadata().field("codeLayerIndex").asInt();
            int layers = MultiLayerConfiguration.fromJson(saved.network().configurationJson()).getConfs().size();
            // The code layer sits strictly before the output layer.
            if (codeLayerIndex < 0 || codeLayerIndex >= layers - 1) {
                throw new IllegalStateException("the metadata at " + path + " names layer " + codeLayerIndex
                        + " as the code, but the saved network has " + layers + " layers; the model directory is"
                        + " corrupt, save it again");
            }
            model.setState(saved.network(), saved.metadata().field("numFeatures").asInt(), codeLayerIndex,
                    saved.history(), saved.provenance());
            return model;
        }
    }
}
