package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.tools.selection.DataSplits;
import io.deepline.pipelines.tools.selection.Splits;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.text.ReservedTokens;
import io.deepline.pipelines.text.TokenIndexer;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real text (SpamAssassin sample): MLlib's RegexTokenizer, our TokenIndexer and an LSTM SequenceClassifier in one
 * Pipeline reach F1(spam) >= 0.90 on a stratified held-out split.
 */
@ExtendWith(SparkSessionExtension.class)
class SpamClassificationTest {
    private static final int VOCABULARY = 5000;

    static Dataset<Row> spam(SparkSession spark) {
        // RFC-4180 quoting: quotes inside a text are doubled.
        return spark.read().option("header", "true").option("quote", "\"").option("escape", "\"")
                .option("multiLine", "true").csv(DataSamples.dir().resolve("spam_sample.csv.gz").toString())
                .select(functions.col("label").cast("double").as("label"),
                        functions.coalesce(functions.col("text"), functions.lit("")).as("text")); // one text is empty
    }

    @Test
    void lstmOnTokenisedTextFindsSpam(SparkSession spark) {
        Dataset<Row> data = spam(spark);
        assertEquals(2000, data.count());
        Splits splits = DataSplits.fractions(List.of("train", "test"), 0.8, 0.2).stratifiedBy("label").withSeed(7)
                .split(data).persist();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+").setMinTokenLength(1),
            new TokenIndexer().setInputCol("tokens").setOutputCol("ids").setVocabSize(VOCABULARY).setMinDF(2)
                    .setAddBeginEnd(true), // so an empty text is still a sequence: <s> </s>
            new SequenceClassifier().setFeaturesCol("ids").setVocabularySize(VOCABULARY + ReservedTokens.FIRST_WORD_ID)
                    .setEmbeddingSize(32).setCell("lstm").setHiddenSize(32).setPooling("max")
                    .setMaxSequenceLength(82).setTruncate("head").setLearningRate(0.01).setBatchSize(32)
                    .setMaxEpochs(5).setNumWorkers(2).setAveragingFrequency(4).setSeed(3)});
        long start = System.nanoTime();
        PipelineModel model = pipeline.fit(splits.get("train"));
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationReport report = ClassificationReport.of(model.transform(splits.get("test")), "label",
                "prediction", "probability", 2);
        System.out.printf("spam LSTM: F1(spam) %.4f, accuracy %.4f, fit %.1f s%n", report.f1(1), report.accuracy(),
                seconds);
        assertTrue(report.f1(1) >= 0.90, "F1(spam) on the held-out split: " + report.f1(1));
        splits.unpersist();
    }
}
