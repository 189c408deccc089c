package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.tools.selection.DataSplits;
import io.deepline.pipelines.tools.selection.Splits;
import io.deepline.pipelines.text.ReservedTokens;
import io.deepline.pipelines.text.TokenIndexer;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real text (SpamAssassin sample), with {@link SpamClassificationTest}'s split and tokenisation: a Transformer
 * classifier trained on 2 workers reaches F1(spam) >= 0.90 on the held-out split.
 */
@ExtendWith(SparkSessionExtension.class)
class SpamTransformerTest {
    private static final int VOCABULARY = 5000;

    @Test
    void transformerOnTokenisedTextFindsSpam(SparkSession spark) {
        Dataset<Row> data = SpamClassificationTest.spam(spark);
        assertEquals(2000, data.count());
        Splits splits = DataSplits.fractions(List.of("train", "test"), 0.8, 0.2).stratifiedBy("label").withSeed(7)
                .split(data).persist();
        TransformerClassifier transformer = new TransformerClassifier().setFeaturesCol("ids")
                .setVocabularySize(VOCABULARY + ReservedTokens.FIRST_WORD_ID).setModelDim(16).setNumHeads(2)
                .setFfDim(32).setNumLayers(1).setDropout(0.1).setMaxSequenceLength(64).setTruncate("head")
                .setLearningRate(0.005).setBatchSize(32).setMaxEpochs(4).setNumWorkers(2).setAveragingFrequency(4)
                .setSeed(3);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+").setMinTokenLength(1),
            new TokenIndexer().setInputCol("tokens").setOutputCol("ids").setVocabSize(VOCABULARY).setMinDF(2)
                    .setAddBeginEnd(true), // so an empty text is still a sequence: <s> </s>
            transformer});
        long start = System.nanoTime();
        PipelineModel model = pipeline.fit(splits.get("train"));
        double seconds = (System.nanoTime() - start) / 1e9;
        TransformerClassificationModel fitted = (TransformerClassificationModel) model.stages()[2];
        ClassificationReport report = ClassificationReport.of(model.transform(splits.get("test")), "label",
                "prediction", "probability", 2);
        System.out.printf("spam Transformer: F1(spam) %.4f, accuracy %.4f, fit %.1f s, %.1f s/epoch, %d params%n",
                report.f1(1), report.accuracy(), seconds,
                fitted.trainingHistory().totalSeconds() / fitted.trainingHistory().numEpochs(),
                fitted.networkSnapshot().params().length);
        assertTrue(report.f1(1) >= 0.90, "F1(spam) on the held-out split: " + report.f1(1));
        splits.unpersist();
    }
}
