package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * Saves sequence models as {@link NetworkModelFiles}, with the per-step width, the input kind and the number of
 * outputs (classes, or 1) in the metadata.
 */
final class SequenceModelPersistence {

    /** Installs loaded state into a freshly constructed model. */
    interface StateSetter<M> {
        void set(M model, FittedNetwork fitted, SequenceInput input, int numOutputs);
    }

    private SequenceModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final HasFittedNetwork model;
        private final SequenceInput input;
        private final int numOutputs;

        <M extends Params & HasFittedNetwork> Writer(M model, SequenceInput input, int numOutputs) {
            this.model = model;
            this.input = input;
            this.numOutputs = numOutputs;
        }

        @Override
        public void saveImpl(String path) {
            FittedNetwork fitted = model.fittedNetwork();
            NetworkModelFiles.save((Params) model, path, sc(), Json.MAPPER.createObjectNode()
                    .put("numFeatures", fitted.numFeatures()).put("numOutputs", numOutputs)
                    .put("sequenceInput", input.name().toLowerCase(Locale.ROOT)),
                    fitted.snapshot(), fitted.history(), fitted.provenance());
        }
    }

    static final class Reader<M extends Params> extends MLReader<M> {
        private final Class<M> modelClass;
        private final StateSetter<M> setter;

        Reader(Class<M> modelClass, StateSetter<M> setter) {
            this.modelClass = modelClass;
            this.setter = setter;
        }

        @Override
        public M load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), modelClass);
            M model = construct(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            SequenceInput input;
            try {
                input = SequenceInput.valueOf(saved.metadata().field("sequenceInput").asText()
                        .toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the metadata under " + path + " has sequenceInput '"
                        + saved.metadata().field("sequenceInput").asText() + "', not one of step_vectors,"
                        + " token_ids, univariate; the model directory is corrupt, save the model again", e);
            }
            FittedNetwork fitted = new FittedNetwork(saved.network(), saved.metadata().field("numFeatures").asInt(),
                    saved.history(), saved.provenance());
            setter.set(model, fitted, input, saved.metadata().field("numOutputs").asInt());
            return model;
        }

        private M construct(String uid) {
            try {
                return modelClass.getConstructor(String.class).newInstance(uid);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                     | NoSuchMethodException e) {
                throw new IllegalStateException("cannot construct " + modelClass.getName() + "(uid)", e);
            }
        }
    }
}
