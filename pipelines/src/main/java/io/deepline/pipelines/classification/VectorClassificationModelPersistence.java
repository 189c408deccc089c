package io.deepline.pipelines.classification;

import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import java.util.function.Function;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link VectorClassificationModelBase} as {@link NetworkModelFiles} with its sizes in the metadata. */
final class VectorClassificationModelPersistence {
    private VectorClassificationModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final VectorClassificationModelBase<?> model;

        Writer(VectorClassificationModelBase<?> model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                            .put("numFeatures", model.numFeatures()).put("numClasses", model.numClasses()),
                    model.networkSnapshot(), model.trainingHistory(), model.provenance());
        }
    }

    /** Reads a model of class {@code type}, made empty by {@code newModel(uid)}. */
    static final class Reader<M extends VectorClassificationModelBase<M>> extends MLReader<M> {
        private final Class<M> type;
        private final Function<String, M> newModel;

        Reader(Class<M> type, Function<String, M> newModel) {
            this.type = type;
            this.newModel = newModel;
        }

        @Override
        public M load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), type);
            M model = newModel.apply(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            model.setState(saved.network(), saved.metadata().field("numFeatures").asInt(),
                    saved.metadata().field("numClasses").asInt(), saved.history(), saved.provenance());
            return model;
        }
    }
}
