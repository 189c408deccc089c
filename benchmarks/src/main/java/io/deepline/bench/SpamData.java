package io.deepline.bench;

import io.deepline.pipelines.text.TokenIndexer;
import io.deepline.pipelines.text.TokenIndexerModel;
import java.nio.file.Path;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * data-samples/spam_sample.csv.gz as the README's spam examples read it: the text tokenised ({@code \W+}, lower
 * case), a vocabulary of up to 10,000 words seen in at least 2 training rows learned on the 80 % training split
 * (seed 42), the words turned into ids with begin and end ids. Both splits are (ids: array&lt;int&gt;, label) rows,
 * cached and materialised before any timing.
 *
 * @param vocabularySize the ids' range, reserved ids included: the classifiers' {@code vocabularySize}
 */
record SpamData(Dataset<Row> train, Dataset<Row> test, int vocabularySize) {

    static final String IDS = "ids";

    static SpamData read(SparkSession spark, Path root) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true")
                .option("escape", "\"").option("multiLine", "true")
                .csv(root.resolve("data-samples/spam_sample.csv.gz").toString())
                .select(functions.coalesce(functions.col("text"), functions.lit("")).as("text"),
                        functions.col("label").cast("double").as("label"));
        Dataset<Row> tokens = new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+")
                .setGaps(true).setToLowercase(true).transform(raw);
        Dataset<Row>[] split = tokens.randomSplit(new double[] {0.8, 0.2}, 42);
        TokenIndexerModel indexer = new TokenIndexer().setInputCol("tokens").setOutputCol(IDS).setVocabSize(10000)
                .setMinDF(2).setAddBeginEnd(true).fit(split[0]);
        return new SpamData(cached(indexer.transform(split[0])), cached(indexer.transform(split[1])),
                indexer.vocabularySize());
    }

    private static Dataset<Row> cached(Dataset<Row> rows) {
        Dataset<Row> out = rows.select(IDS, "label").repartition(BenchContext.CORES)
                .persist(StorageLevel.MEMORY_ONLY());
        out.count();
        return out;
    }
}
