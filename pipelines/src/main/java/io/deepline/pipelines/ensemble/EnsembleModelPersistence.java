package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.StageMetadata;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * The saved form of an {@link EnsembleModel}:
 * <pre>
 * path/metadata/     Spark's params JSON + {deeplineFormat, numMembers, kind, numClasses}
 * path/members/j/    member j, saved by its own writer (j = 0 ... numMembers-1)
 * </pre>
 * Members load through the class named in their metadata, so any MLWritable Spark ML model round-trips.
 */
final class EnsembleModelPersistence {
    static final String MEMBERS = "/members";

    private EnsembleModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final EnsembleModel model;

        /** Checks here, not in saveImpl, so an unsavable ensemble fails before {@code overwrite()} deletes anything. */
        Writer(EnsembleModel model) {
            this.model = model;
            MemberStages.requireWritable(model.members(), "member");
        }

        @Override
        public void saveImpl(String path) {
            StageMetadata.save(model, path, sc(), Json.MAPPER.createObjectNode().put("numMembers", model.numMembers())
                    .put("kind", model.kind().name()).put("numClasses", model.numClasses()));
            MemberStages.save(model.members(), path + MEMBERS);
        }
    }

    static final class Reader extends MLReader<EnsembleModel> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        @Override
        public EnsembleModel load(String path) {
            StageMetadata metadata = StageMetadata.load(path, sc(), EnsembleModel.class);
            int numMembers = metadata.field("numMembers").asInt();
            if (numMembers < 1) {
                throw new IllegalStateException("the metadata at " + path + " says numMembers " + numMembers
                        + "; an ensemble has at least one, the directory is corrupt, save it again");
            }
            List<Model> members = MemberStages.load(path + MEMBERS, numMembers, Model.class, sc());
            EnsembleModel model;
            try {
                model = new EnsembleModel(metadata.uid(), (List) members);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the members under " + path + MEMBERS + " do not form an ensemble ("
                        + e.getMessage() + "); the directory is corrupt, save it again", e);
            }
            String kind = metadata.field("kind").asText();
            int numClasses = metadata.field("numClasses").asInt();
            if (!model.kind().name().equals(kind) || model.numClasses() != numClasses) {
                throw new IllegalStateException("the members under " + path + MEMBERS + " are " + model.kind()
                        + " models with " + model.numClasses() + " classes, but the metadata says " + kind + " with "
                        + numClasses + "; the directory is corrupt, save it again");
            }
            metadata.applyParamsTo(model);
            return model;
        }
    }
}
