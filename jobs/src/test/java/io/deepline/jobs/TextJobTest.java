package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepline.pipelines.sequence.SequenceClassificationModel;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.text.TokenIndexerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepline train} with {@code data.text}, end to end on small generated mail: the job tokenises, learns the
 * vocabulary, sizes the classifier's embedding from it and saves a pipeline that scores raw text.
 */
@ExtendWith(SparkSessionExtension.class)
class TextJobTest {

    private static final List<String> CLASSIFIER_KEYS = List.of("name", "modelType", "accuracy", "f1Macro",
            "weightedF1", "precisionMacro", "recallMacro", "logLoss", "confusionMatrix", "perClass", "trainRows",
            "testRows", "trainSeconds", "epochs", "history", "numClasses", "sequenceInput", "vocabularySize");

    private static final String[] SPAM_WORDS = {"win", "prize", "free", "cash", "offer", "click"};
    private static final String[] HAM_WORDS = {"meeting", "report", "lunch", "patch", "review", "thanks"};
    private static final String[] COMMON_WORDS = {"the", "a", "you", "today", "now", "please", "our", "team"};

    @Test
    void aTextJobTokenisesLearnsItsVocabularyAndClassifiesRawText(SparkSession spark, @TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("mail.csv");
        Files.writeString(csv, mailCsv(160, new Random(7)));
        String yaml = """
                name: text-test
                data:
                  path: %s
                  options: {header: "true", escape: "\\"", multiLine: "true"}
                  label: kind
                  text: body
                split: {train: 0.75, test: 0.25, seed: 3}
                preprocess: {text: {maxVocabularySize: 50, minDocuments: 2}}
                model:
                  type: SequenceClassifier
                  params: {cell: gru, embeddingSize: 8, hiddenSize: 8, pooling: max, maxSequenceLength: 12,
                           maxEpochs: 6, batchSize: 16, updater: adam, learningRate: 0.03, numWorkers: 2, seed: 5}
                output: {model: %s}
                """.formatted(csv, dir.resolve("model"));

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, yaml));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("model/metrics.json").toFile());
        for (String key : CLASSIFIER_KEYS) {
            assertTrue(metrics.has(key), "metrics.json lacks " + key + ": " + metrics);
        }
        PipelineModel model = PipelineModel.load(dir.resolve("model").toString());
        List<String> stages = Arrays.stream(model.stages()).map(s -> s.getClass().getSimpleName()).toList();
        TokenIndexerModel indexer = stage(model, TokenIndexerModel.class);
        SequenceClassificationModel classifier = stage(model, SequenceClassificationModel.class);
        // The 4 reserved ids, the 12 topic words, the 8 common ones and "ok", each in far more than 2 rows.
        assertAll(
                () -> assertEquals(160, metrics.get("trainRows").asLong() + metrics.get("testRows").asLong()),
                () -> assertEquals(List.of("SQLTransformer", "RegexTokenizer", "TokenIndexerModel",
                        "StringIndexerModel", "SequenceClassificationModel"), stages),
                () -> assertEquals(4 + 21, indexer.vocabularySize(), Arrays.toString(indexer.vocabulary())),
                () -> assertEquals(indexer.vocabularySize(), classifier.getVocabularySize()),
                () -> assertEquals(indexer.vocabularySize(), metrics.get("vocabularySize").asInt()),
                () -> assertEquals("token_ids", metrics.get("sequenceInput").asText()),
                () -> assertEquals(2, metrics.get("numClasses").asInt()),
                () -> assertEquals(6, metrics.get("history").size()),
                () -> assertTrue(metrics.get("accuracy").asDouble() >= 0.9, metrics.toString()),
                () -> assertTrue(Files.exists(dir.resolve("model/report/index.html"))));

        // The saved pipeline scores raw text, a missing text included, with the classes the job indexed.
        StructType raw = new StructType().add("body", DataTypes.StringType);
        Dataset<Row> fresh = spark.createDataFrame(List.of(RowFactory.create("Win a free prize, click now"),
                RowFactory.create("The review meeting is today"), RowFactory.create((Object) null)), raw);
        List<Double> predicted = model.transform(fresh).select("prediction").as(Encoders.DOUBLE()).collectAsList();
        assertEquals(3, predicted.size());
        assertEquals(List.of(1.0, 0.0), predicted.subList(0, 2), "spam is class 1 (alphabetical: ham, spam)");
    }

    /** No vocabulary could be learned: the error named the internal column tokens and MLlib's minDF and maxDF. */
    @Test
    void aTextColumnWithoutWordsIsNamedWithTheKeysToChange(SparkSession spark, @TempDir Path dir) throws Exception {
        // Distinct rows (identical ones share a split, and both splits need rows): punctuation only, or empty.
        StringBuilder punctuation = new StringBuilder("kind,body\n");
        for (int i = 1; i <= 20; i++) {
            punctuation.append("spam,\"").append("!".repeat(i)).append("\"\nham,").append(".".repeat(i - 1))
                    .append('\n');
        }

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, textJob(dir, punctuation.toString(), "")));

        assertNoVocabulary(run, "data.text: column 'body' has no words in any of the", "empty or null",
                "preprocess.text.pattern", "preprocess.text.minTokenLength");
    }

    @Test
    void noWordInEnoughRowsNamesMinDocuments(SparkSession spark, @TempDir Path dir) throws Exception {
        // 'today' is in every row; the numbers keep the rows distinct, since identical rows share a split.
        StringBuilder everywhere = new StringBuilder("kind,body\n");
        for (int i = 0; i < 10; i++) {
            everywhere.append("spam,win cash today ").append(i).append("\nham,lunch today ").append(i).append('\n');
        }

        JobFiles.Run run = JobFiles.run("train", JobFiles.write(dir, textJob(dir, everywhere.toString(),
                ", minDocuments: 1000")));

        assertNoVocabulary(run, "preprocess.text.minDocuments: is 1000", "data.text column 'body'");
        assertTrue(run.err().matches("(?s).*the commonest word .* is in (\\d+) of the \\1 training rows\\. Lower"
                + " preprocess.text.minDocuments to at most \\1,.*"), "'today' is in every row: " + run.err());
    }

    private static void assertNoVocabulary(JobFiles.Run run, String... expected) {
        assertEquals(2, run.exitCode(), run.err());
        for (String e : expected) {
            assertTrue(run.err().contains(e), "stderr lacks '" + e + "':\n" + run.err());
        }
        for (String internal : List.of("'tokens'", "minDF", "maxDF", "vocabSize", "Exception")) {
            assertFalse(run.err().contains(internal), run.err());
        }
    }

    /** A small text job on {@code csv}; {@code textSettings} is appended to {@code preprocess.text}. */
    private static String textJob(Path dir, String csv, String textSettings) throws Exception {
        Path data = dir.resolve("mail.csv");
        Files.writeString(data, csv);
        return """
                name: text-errors
                data: {path: %s, options: {header: "true"}, label: kind, text: body}
                preprocess: {text: {maxVocabularySize: 50%s}}
                model:
                  type: SequenceClassifier
                  params: {embeddingSize: 4, hiddenSize: 4, maxEpochs: 1, batchSize: 8, numWorkers: 1}
                output: {model: %s}
                """.formatted(data, textSettings, dir.resolve("model"));
    }

    /**
     * CSV of {@code rows} messages: spam draws from spam words, ham from ham words, both from common words. Text
     * has commas, doubled quotes and line breaks (RFC 4180), and one message is empty (read as null).
     */
    static String mailCsv(int rows, Random random) {
        StringBuilder csv = new StringBuilder("kind,body\n");
        for (int i = 0; i < rows; i++) {
            boolean spam = i % 2 == 0;
            List<String> words = new ArrayList<>();
            int length = 3 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                String[] pool = random.nextInt(3) == 0 ? COMMON_WORDS : spam ? SPAM_WORDS : HAM_WORDS;
                words.add(pool[random.nextInt(pool.length)]);
            }
            String text = i == 1 ? "" : String.join(w(random), words) + ", \"\"ok\"\"\n" + words.get(0) + ".";
            csv.append(spam ? "spam" : "ham").append(",\"").append(text).append("\"\n");
        }
        return csv.toString();
    }

    /** A word separator: mostly a space, sometimes punctuation the tokenizer must drop. */
    private static String w(Random random) {
        return random.nextInt(4) == 0 ? ", " : " ";
    }

    static <T extends Transformer> T stage(PipelineModel model, Class<T> type) {
        return Arrays.stream(model.stages()).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
