package io.deepline.pipelines.generative;

import io.deepline.models.optim.VaeElboStep;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link VariationalAutoEncoderModel} as {@link NetworkModelFiles}, with {@code numFeatures} in the metadata. */
final class VaeModelPersistence {
    private VaeModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final VariationalAutoEncoderModel model;

        Writer(VariationalAutoEncoderModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            FittedNetwork fitted = model.fittedNetwork();
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                    .put("numFeatures", fitted.numFeatures()), fitted.snapshot(), fitted.history(), fitted.provenance());
        }
    }

    static final class Reader extends MLReader<VariationalAutoEncoderModel> {
        @Override
        public VariationalAutoEncoderModel load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), VariationalAutoEncoderModel.class);
            VariationalAutoEncoderModel model = new VariationalAutoEncoderModel(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            int numFeatures = saved.metadata().field("numFeatures").asInt();
            if (numFeatures <= 0) {
                throw new IllegalStateException("the metadata under " + path + " has numFeatures " + numFeatures
                        + "; the model directory is corrupt, save the model again");
            }
            try {
                VaeElboStep.vaeOf(saved.network().restoreForInference().asMultiLayer());
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the network under " + path + "/data is not a variational "
                        + "autoencoder (" + e.getMessage() + "); load it with its own model class", e);
            }
            model.setFitted(new FittedNetwork(saved.network(), numFeatures, saved.history(), saved.provenance()));
            return model;
        }
    }
}
