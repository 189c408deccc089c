package io.deepline.pipelines.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TokenIndexer maps tokens to ids in order, with CountVectorizer's vocabulary and the reserved ids. */
@ExtendWith(SparkSessionExtension.class)
class TokenIndexerTest {

    /** The ids expected for {@code tokens} under {@code vocabulary}: word k gets 4 + k, others as {@code unknown}. */
    private static int[] expectedIds(List<String> tokens, List<String> vocabulary, UnknownTokens unknown,
                                     boolean beginEnd) {
        List<Integer> ids = new ArrayList<>();
        if (beginEnd) {
            ids.add(ReservedTokens.BEGIN_ID);
        }
        for (String t : tokens) {
            int k = vocabulary.indexOf(t);
            if (k >= 0) {
                ids.add(ReservedTokens.FIRST_WORD_ID + k);
            } else if (unknown == UnknownTokens.KEEP) {
                ids.add(ReservedTokens.UNKNOWN_ID);
            }
        }
        if (beginEnd) {
            ids.add(ReservedTokens.END_ID);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertIds(List<List<String>> rows, List<int[]> actual, List<String> vocabulary,
                                  UnknownTokens unknown, boolean beginEnd) {
        assertEquals(rows.size(), actual.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(expectedIds(rows.get(i), vocabulary, unknown, beginEnd), actual.get(i),
                    "row " + i + " " + rows.get(i) + " gave " + TokenCorpus.show(actual.get(i)));
        }
    }

    @Test
    void idsFollowCountVectorizersVocabularyInTokenOrder(SparkSession spark) {
        Dataset<Row> corpus = TokenCorpus.corpus(spark);
        TokenIndexerModel model = new TokenIndexer().fit(corpus);
        String[] countVectorizer = new CountVectorizer().setInputCol("tokens").setOutputCol("counts").fit(corpus)
                .vocabulary();
        assertArrayEquals(countVectorizer, model.vocabulary(), "the vocabulary is CountVectorizer's");
        assertEquals(TokenCorpus.wordsByCount(1), Arrays.asList(model.vocabulary()), "most frequent word first");
        assertEquals(ReservedTokens.FIRST_WORD_ID + 6, model.vocabularySize(), "6 words and 4 reserved ids");

        List<int[]> ids = TokenCorpus.ids(model.transform(corpus), "tokenIds");
        assertIds(TokenCorpus.ROWS, ids, Arrays.asList(countVectorizer), UnknownTokens.KEEP, false);
        for (int[] row : ids) {
            for (int id : row) {
                assertTrue(id >= ReservedTokens.FIRST_WORD_ID && id < model.vocabularySize(),
                        "known words only: " + TokenCorpus.show(row));
            }
        }
        assertEquals(ReservedTokens.FIRST_WORD_ID, model.idOf("apple"), "the most frequent word gets the first word id");
        assertEquals(ReservedTokens.UNKNOWN_ID, model.idOf("kiwi"));
    }

    @Test
    void reservedIdsAreDistinctAndDecodeToTheirNames(SparkSession spark) {
        assertEquals(0, ReservedTokens.PAD_ID);
        int[] reserved = {ReservedTokens.PAD_ID, ReservedTokens.UNKNOWN_ID, ReservedTokens.BEGIN_ID,
                ReservedTokens.END_ID};
        assertEquals(4, Arrays.stream(reserved).distinct().count());
        assertTrue(Arrays.stream(reserved).allMatch(id -> id < ReservedTokens.FIRST_WORD_ID));

        TokenIndexerModel model = new TokenIndexer().setAddBeginEnd(true).fit(TokenCorpus.corpus(spark));
        List<String> tokens = List.of("fig", "kiwi", "apple");
        int[] ids = TokenCorpus.ids(model.transform(TokenCorpus.frame(spark, List.of(tokens))), "tokenIds").get(0);
        assertArrayEquals(new String[] {"<s>", "fig", "<unk>", "apple", "</s>"}, model.decode(ids));
        assertArrayEquals(new String[] {"<pad>", "<pad>"}, model.decode(new int[] {0, 0}));
        StageContract.assertFailsNaming(IllegalArgumentException.class,
                () -> model.decode(new int[] {4, model.vocabularySize()}), "id " + model.vocabularySize(),
                "position 1", "0.." + (model.vocabularySize() - 1));
        StageContract.assertFailsNaming(IllegalArgumentException.class, () -> model.decode(new int[] {-1}), "id -1");
    }

    @Test
    void addBeginEndWrapsEverySequenceIncludingEmptyOnes(SparkSession spark) {
        List<List<String>> rows = new ArrayList<>(TokenCorpus.ROWS);
        rows.add(List.of());
        Dataset<Row> data = TokenCorpus.frame(spark, rows);
        TokenIndexerModel model = new TokenIndexer().setAddBeginEnd(true).setOutputCol("ids").fit(data);
        List<int[]> ids = TokenCorpus.ids(model.transform(data), "ids");
        assertIds(rows, ids, Arrays.asList(model.vocabulary()), UnknownTokens.KEEP, true);
        assertArrayEquals(new int[] {ReservedTokens.BEGIN_ID, ReservedTokens.END_ID}, ids.get(rows.size() - 1));

        List<int[]> plain = TokenCorpus.ids(model.setAddBeginEnd(false).transform(data), "ids");
        assertArrayEquals(new int[0], plain.get(rows.size() - 1), "an empty token array gives an empty id array");
    }

    @Test
    void unknownTokensAreKeptSkippedOrRejected(SparkSession spark) {
        // minDF 2 leaves fig (in one row) out of the vocabulary; kiwi never occurs.
        TokenIndexerModel model = new TokenIndexer().setMinDF(2).fit(TokenCorpus.corpus(spark));
        assertEquals(TokenCorpus.wordsByCount(2), Arrays.asList(model.vocabulary()));
        List<List<String>> rows = List.of(List.of("kiwi", "apple", "fig", "date"), List.of("banana"),
                List.of("fig"));
        Dataset<Row> data = TokenCorpus.frame(spark, rows);
        List<String> vocabulary = Arrays.asList(model.vocabulary());

        List<int[]> kept = TokenCorpus.ids(model.transform(data), "tokenIds");
        assertIds(rows, kept, vocabulary, UnknownTokens.KEEP, false);
        assertEquals(ReservedTokens.UNKNOWN_ID, kept.get(0)[0]);
        assertEquals(ReservedTokens.UNKNOWN_ID, kept.get(0)[2]);

        List<int[]> skipped = TokenCorpus.ids(model.setHandleUnknown("SKIP").transform(data), "tokenIds");
        assertIds(rows, skipped, vocabulary, UnknownTokens.SKIP, false);
        assertEquals(2, skipped.get(0).length, "kiwi and fig are dropped");
        assertEquals(0, skipped.get(2).length, "a row of unknown tokens becomes empty");

        model.setHandleUnknown("error");
        Dataset<Row> known = TokenCorpus.frame(spark, List.of(List.of("apple", "date")));
        assertIds(List.of(List.of("apple", "date")), TokenCorpus.ids(model.transform(known), "tokenIds"),
                vocabulary, UnknownTokens.ERROR, false);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> model.transform(data).collectAsList());
        Throwable root = e;
        while (!(root instanceof IllegalArgumentException) && root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root instanceof IllegalArgumentException, "caused by an IllegalArgumentException: " + e);
        assertTrue(root.getMessage().contains("'tokens'") && root.getMessage().contains("handleUnknown")
                && (root.getMessage().contains("'kiwi'") || root.getMessage().contains("'fig'")), root.getMessage());
    }

    @Test
    void vocabSizeAndMinDfSelectWordsAsCountVectorizerDoes(SparkSession spark) {
        Dataset<Row> corpus = TokenCorpus.corpus(spark);
        TokenIndexerModel three = new TokenIndexer().setVocabSize(3).fit(corpus);
        assertEquals(TokenCorpus.wordsByCount(1).subList(0, 3), Arrays.asList(three.vocabulary()));
        assertEquals(ReservedTokens.FIRST_WORD_ID + 3, three.vocabularySize());

        // elder is in 2 of the 4 rows, fig in 1: minDF 3 (a count) and 0.75 (a fraction of 4 rows) drop both.
        for (double minDF : new double[] {3, 0.75}) {
            TokenIndexerModel frequent = new TokenIndexer().setMinDF(minDF).fit(corpus);
            assertEquals(TokenCorpus.wordsByCount(3), Arrays.asList(frequent.vocabulary()), "minDF " + minDF);
            String[] countVectorizer = new CountVectorizer().setInputCol("tokens").setOutputCol("c").setMinDF(minDF)
                    .fit(corpus).vocabulary();
            assertArrayEquals(countVectorizer, frequent.vocabulary(), "minDF " + minDF);
        }
        // maxDF 3 drops apple and cherry, which are in all 4 rows.
        TokenIndexerModel rare = new TokenIndexer().setMaxDF(3).fit(corpus);
        assertEquals(List.of("banana", "date", "elder", "fig"), Arrays.asList(rare.vocabulary()));
    }

    @Test
    void nullTokenArraysStayNullAndAreIgnoredByFit(SparkSession spark) {
        List<List<String>> rows = new ArrayList<>(TokenCorpus.ROWS);
        rows.add(1, null);
        List<String> withNullToken = new ArrayList<>(Arrays.asList("apple", null, "fig"));
        rows.add(withNullToken);
        Dataset<Row> data = TokenCorpus.frame(spark, rows.subList(0, rows.size() - 1));
        TokenIndexerModel model = new TokenIndexer().fit(data);
        assertEquals(TokenCorpus.wordsByCount(1), Arrays.asList(model.vocabulary()), "the null row is not counted");

        List<int[]> ids = TokenCorpus.ids(model.transform(TokenCorpus.frame(spark, rows)), "tokenIds");
        assertNull(ids.get(1), "null tokens give null ids");
        assertArrayEquals(new int[] {model.idOf("apple"), ReservedTokens.UNKNOWN_ID, model.idOf("fig")},
                ids.get(rows.size() - 1), "a null token is unknown");
    }
}
