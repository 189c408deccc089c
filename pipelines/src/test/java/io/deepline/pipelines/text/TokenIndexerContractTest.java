package io.deepline.pipelines.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TokenIndexer honours the Spark ML stage contract: Params, uid, copy, persistence, Pipeline, bad input. */
@ExtendWith(SparkSessionExtension.class)
class TokenIndexerContractTest {
    private static Dataset<Row> corpus;
    private static TokenIndexer estimator;
    private static TokenIndexerModel model;

    @BeforeAll
    static void fitOnce() {
        corpus = TokenCorpus.corpus(SparkSessionExtension.session());
        estimator = new TokenIndexer().setOutputCol("ids").setAddBeginEnd(true).setHandleUnknown("skip")
                .setMinDF(2);
        model = estimator.fit(corpus);
    }

    private static List<Row> ids(Dataset<Row> transformed) {
        return transformed.orderBy("id").select("ids").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        assertEquals("skip", model.getOrDefault(model.handleUnknown()), "the model carries the estimator's Params");
        assertEquals(2.0, model.getMinDF());
        TokenIndexerModel copy = model.copy(org.apache.spark.ml.param.ParamMap.empty());
        assertArrayEquals(model.vocabulary(), copy.vocabulary());
        assertEquals(ids(model.transform(corpus)), ids(copy.transform(corpus)));
    }

    @Test
    void defaultsAreDocumentedValues() {
        TokenIndexer d = new TokenIndexer();
        assertEquals("tokens", d.getInputCol());
        assertEquals("tokenIds", d.getOutputCol());
        assertFalse(d.getAddBeginEnd());
        assertEquals(UnknownTokens.KEEP, d.getHandleUnknown());
        assertEquals(1 << 18, d.getVocabSize());
        assertEquals(1.0, d.getMinDF());
    }

    @Test
    void estimatorAndModelSaveAndLoad(@TempDir Path dir) throws IOException {
        StageContract.assertSaveAndLoad(estimator, dir, TokenIndexer::load);
        TokenIndexerModel loaded = StageContract.assertSaveAndLoad(model, dir, TokenIndexerModel::load);
        assertArrayEquals(model.vocabulary(), loaded.vocabulary());
        assertEquals(model.vocabularySize(), loaded.vocabularySize());
        assertEquals(ids(model.transform(corpus)), ids(loaded.transform(corpus)));
    }

    @Test
    void aTokenizerPipelineRoundTripsWithIdenticalOutput(SparkSession spark, @TempDir Path dir) throws IOException {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        Dataset<Row> texts = spark.createDataFrame(List.of(
                RowFactory.create(0, "WIN a FREE prize, win now!"),
                RowFactory.create(1, "Are we meeting for lunch now?"),
                RowFactory.create(2, "Free entry: win, win, WIN."),
                RowFactory.create(3, null)), schema);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+"),
                new TokenIndexer().setInputCol("tokens").setOutputCol("ids").setAddBeginEnd(true)});
        PipelineModel fitted = pipeline.fit(texts.where("text IS NOT NULL"));
        TokenIndexerModel indexer = (TokenIndexerModel) fitted.stages()[1];
        assertEquals("win", indexer.vocabulary()[0], "the most frequent lower-cased token comes first");

        String path = dir.resolve("pipeline").toString();
        fitted.save(path);
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> before = ids(fitted.transform(texts.where("text IS NOT NULL")));
        assertEquals(before, ids(loaded.transform(texts.where("text IS NOT NULL"))));
        assertEquals(SequenceInput.TOKEN_IDS, SequenceInput.of(loaded.transform(texts).schema(), "ids",
                indexer.vocabularySize()), "the ids are the token input of the sequence batches");
        Row first = before.get(0);
        assertArrayEquals(new String[] {"<s>", "win", "a", "free", "prize", "win", "now", "</s>"},
                indexer.decode(first.getList(0).stream().mapToInt(i -> (Integer) i).toArray()));
    }

    /** Replaces a saved file, and its Hadoop checksum file so that the content itself is what gets read. */
    private static void overwrite(Path file, String content, java.nio.charset.Charset charset) throws IOException {
        Files.writeString(file, content, charset);
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }

    @Test
    void corruptOrMissingVocabularyFailsNamingThePath(@TempDir Path dir) throws IOException {
        String path = dir.resolve("model").toString();
        model.save(path);
        Path vocabulary = dir.resolve("model").resolve("data").resolve("vocabulary.json");

        overwrite(vocabulary, "[\"apple\", ", StandardCharsets.UTF_8);
        StageContract.assertFailsNaming(IllegalStateException.class, () -> TokenIndexerModel.load(path),
                vocabulary.toString(), "corrupt");
        overwrite(vocabulary, "{\"apple\": 4}", StandardCharsets.UTF_8);
        StageContract.assertFailsNaming(IllegalStateException.class, () -> TokenIndexerModel.load(path),
                "vocabulary.json", "JSON array");
        overwrite(vocabulary, "[\"apple\", \"apple\"]", StandardCharsets.UTF_8);
        StageContract.assertFailsNaming(IllegalStateException.class, () -> TokenIndexerModel.load(path),
                "vocabulary.json", "words but the metadata says");
        Files.delete(vocabulary);
        StageContract.assertFailsNaming(IllegalStateException.class, () -> TokenIndexerModel.load(path),
                "vocabulary.json", "missing");
        StageContract.assertFailsNaming(IllegalStateException.class,
                () -> TokenIndexerModel.load(dir.resolve("nothing").toString()), "nothing", "metadata");
    }

    @Test
    void badColumnsAndParamsAreRejectedNamingTheFix(SparkSession spark) {
        Dataset<Row> text = spark.createDataFrame(List.of(RowFactory.create("free prize")),
                new StructType().add("tokens", DataTypes.StringType));
        StageContract.assertFailsNaming(IllegalArgumentException.class, () -> new TokenIndexer().fit(text),
                "'tokens'", "array<string>", "string", "RegexTokenizer");
        Dataset<Row> numbers = spark.createDataFrame(List.of(RowFactory.create((Object) new int[] {1, 2})),
                new StructType().add("tokens", DataTypes.createArrayType(DataTypes.IntegerType)));
        StageContract.assertFailsNaming(IllegalArgumentException.class, () -> model.transform(numbers),
                "'tokens'", "array<int>", "inputCol");
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> new TokenIndexer().setInputCol("words").fit(corpus), "'words'", "does not exist", "inputCol");
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> new TokenIndexer().setOutputCol("tokens").fit(corpus), "'tokens'", "already exists",
                "outputCol");
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> new TokenIndexer().setMinDF(5).fit(corpus), "'tokens'", "minDF 5.0", "lower minDF");
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> new TokenIndexer().setMinDF(3).setMaxDF(2).fit(corpus), "'tokens'", "maxDF 2.0", "raise maxDF");
        assertThrows(IllegalArgumentException.class, () -> new TokenIndexer().setHandleUnknown("ignore"));
        assertThrows(IllegalArgumentException.class, () -> new TokenIndexer().setVocabSize(0));
        assertThrows(IllegalArgumentException.class, () -> new TokenIndexer().setMinDF(-1));
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> new TokenIndexerModel("m", new String[] {"a", "b", "a"}), "'a'", "twice");
    }
}
