package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.NetworkModelFiles;
import java.util.Locale;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link SequenceGeneratorModel} as {@link NetworkModelFiles}, with its step layout in the metadata. */
final class GeneratorModelPersistence {
    private GeneratorModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final SequenceGeneratorModel model;

        Writer(SequenceGeneratorModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            GeneratorLayout layout = model.layout();
            FittedNetwork fitted = model.fittedNetwork();
            NetworkModelFiles.save(model, path, sc(), Json.MAPPER.createObjectNode()
                            .put("numFeatures", layout.numFeatures())
                            .put("generatedOutput", layout.output().name().toLowerCase(Locale.ROOT))
                            .put("targetVocabularySize", layout.vocabularySize())
                            .put("maxTargetLength", layout.maxSequenceLength()),
                    fitted.snapshot(), fitted.history(), fitted.provenance());
        }
    }

    static final class Reader extends MLReader<SequenceGeneratorModel> {
        @Override
        public SequenceGeneratorModel load(String path) {
            NetworkModelFiles.Loaded saved = NetworkModelFiles.load(path, sc(), SequenceGeneratorModel.class);
            SequenceGeneratorModel model = new SequenceGeneratorModel(saved.metadata().uid());
            saved.metadata().applyParamsTo(model);
            String kind = saved.metadata().field("generatedOutput").asText();
            GeneratedOutput output;
            try {
                output = GeneratedOutput.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the metadata under " + path + " has generatedOutput '" + kind
                        + "', not tokens or values; the model directory is corrupt, save the model again", e);
            }
            int numFeatures = saved.metadata().field("numFeatures").asInt();
            GeneratorLayout layout = new GeneratorLayout(numFeatures, output,
                    saved.metadata().field("targetVocabularySize").asInt(),
                    saved.metadata().field("maxTargetLength").asInt());
            model.setState(new FittedNetwork(saved.network(), numFeatures, saved.history(), saved.provenance()),
                    layout);
            return model;
        }
    }
}
