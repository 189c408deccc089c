package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The aligned many-to-many stage: a class for every step, as long as the input. */
@ExtendWith(SparkSessionExtension.class)
class SequenceTaggerTest {

    /** Per-step accuracy over all real steps of all rows, computed by aggregation. */
    static double stepAccuracy(Dataset<Row> scored) {
        Row r = scored.selectExpr("aggregate(zip_with(label, prediction, (l, p) -> IF(l = p, 1, 0)), 0,"
                        + " (acc, x) -> acc + x) AS hits", "size(label) AS steps")
                .selectExpr("sum(hits) / sum(steps)").first();
        return ((Number) r.get(0)).doubleValue();
    }

    @Test
    void tagsEveryStepOfAFlipFlopTask(SparkSession spark) {
        long start = System.nanoTime();
        SequenceTaggerModel model = new SequenceTagger().setFeaturesCol("seq").setVocabularySize(12)
                .setEmbeddingSize(8).setCell("gru").setHiddenSize(16).setLearningRate(0.02).setMaxEpochs(12)
                .setBatchSize(16).setNumWorkers(2).fit(SequenceTasks.flipFlopTags(spark, 500, 12, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> scored = model.transform(SequenceTasks.flipFlopTags(spark, 300, 12, 2));
        double accuracy = stepAccuracy(scored);
        System.out.printf("SequenceTagger flip-flop: per-step accuracy %.4f, fit %.1f s%n", accuracy, seconds);
        assertTrue(accuracy >= 0.95, "held-out per-step accuracy " + accuracy);
        assertEquals(0, scored.filter("size(prediction) != size(seq)").count(), "one tag per input step");
        assertEquals(3, model.numClasses());
    }

    @Test
    void paddingPersistenceAndTheDriverPathAgree(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> data = SequenceTasks.flipFlopTags(spark, 60, 10, 3);
        SequenceTagger tagger = new SequenceTagger().setFeaturesCol("seq").setVocabularySize(10).setEmbeddingSize(4)
                .setCell("lstm").setHiddenSize(6).setNumLayers(2).setMaxEpochs(1).setNumWorkers(1);
        SequenceTaggerModel model = tagger.fit(data);
        StageContract.assertWellFormedStage(tagger);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(tagger, model);
        // Tags are argmaxes; compare the padded and unpadded predictions exactly.
        PaddingInvariance.assertBatchIndependent(model, data, "prediction");

        SequenceTaggerModel loaded = StageContract.assertSaveAndLoad(model, dir, SequenceTaggerModel::load);
        StageContract.assertSaveAndLoad(tagger, dir, SequenceTagger::load);
        List<Row> before = model.transform(data).select("prediction").collectAsList();
        assertEquals(before, loaded.transform(data).select("prediction").collectAsList());
        Row first = data.first();
        double[] predicted = PaddingInvariance.numbers(before.get(0).get(0)).stream()
                .mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(predicted, model.predict(first.get(0)));
    }
}
