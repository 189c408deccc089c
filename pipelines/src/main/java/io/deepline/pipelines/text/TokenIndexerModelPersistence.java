package io.deepline.pipelines.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.ModelSizeLimit;
import io.deepline.pipelines.core.persist.StageMetadata;
import java.io.UncheckedIOException;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * Saves a {@link TokenIndexerModel} as Spark metadata (its Params, and the number of words) plus
 * {@code data/vocabulary.json}, a JSON array of the words in id order (word k has id 4 + k).
 */
final class TokenIndexerModelPersistence {
    static final String VOCABULARY_FILE = "data/vocabulary.json";
    private static final String WORDS_KEY = "numWords";

    private TokenIndexerModelPersistence() {
    }

    static final class Writer extends MLWriter {
        private final TokenIndexerModel model;

        Writer(TokenIndexerModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            String[] words = model.vocabulary();
            StageMetadata.save(model, path, sc(), Json.MAPPER.createObjectNode().put(WORDS_KEY, words.length));
            try {
                new HadoopFiles(sc().hadoopConfiguration()).writeText(path + "/" + VOCABULARY_FILE,
                        Json.MAPPER.writeValueAsString(words));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the vocabulary to " + path + "/" + VOCABULARY_FILE, e);
            }
        }
    }

    static final class Reader extends MLReader<TokenIndexerModel> {
        @Override
        public TokenIndexerModel load(String path) {
            StageMetadata metadata = StageMetadata.load(path, sc(), TokenIndexerModel.class);
            String[] words = readVocabulary(path + "/" + VOCABULARY_FILE, new HadoopFiles(sc().hadoopConfiguration()));
            int expected = metadata.field(WORDS_KEY).asInt();
            if (words.length != expected) {
                throw new IllegalStateException(path + "/" + VOCABULARY_FILE + " holds " + words.length
                        + " words but the metadata says " + expected + "; the model directory is corrupt, save it"
                        + " again");
            }
            TokenIndexerModel model;
            try {
                model = new TokenIndexerModel(metadata.uid(), words);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the vocabulary at " + path + "/" + VOCABULARY_FILE + " is corrupt ("
                        + e.getMessage() + "); save the model again", e);
            }
            metadata.applyParamsTo(model);
            return model;
        }

        private static String[] readVocabulary(String file, HadoopFiles files) {
            if (!files.exists(file)) {
                throw new IllegalStateException("the vocabulary file " + file + " is missing; the model directory is"
                        + " incomplete, save the model again");
            }
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(ModelSizeLimit.current().readText(files, file));
            } catch (JsonProcessingException | UncheckedIOException e) {
                throw new IllegalStateException("cannot read the vocabulary file " + file + " (" + e.getMessage()
                        + "); the model directory is corrupt, save the model again", e);
            }
            if (json == null || !json.isArray()) {
                throw new IllegalStateException("the vocabulary file " + file + " must hold a JSON array of words but"
                        + " holds " + (json == null ? "nothing" : json.getNodeType()) + "; save the model again");
            }
            String[] words = new String[json.size()];
            for (int k = 0; k < words.length; k++) {
                if (!json.get(k).isTextual()) {
                    throw new IllegalStateException("entry " + k + " of the vocabulary file " + file + " is "
                            + json.get(k) + ", not a word; save the model again");
                }
                words[k] = json.get(k).asText();
            }
            return words;
        }
    }
}
