package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Transformer classifier learns order from its positional encodings on 2 workers; driver and executors agree. */
@ExtendWith(SparkSessionExtension.class)
class TransformerClassifierTest {
    private static final int VOCABULARY = 12;

    @Test
    void learnsWhichOfTwoTokensComesFirst(SparkSession spark) {
        long start = System.nanoTime();
        TransformerClassificationModel model = new TransformerClassifier().setFeaturesCol("seq")
                .setVocabularySize(VOCABULARY).setModelDim(16).setNumHeads(2).setFfDim(32).setNumLayers(1)
                .setDropout(0.0).setLearningRate(0.01).setBatchSize(16).setMaxEpochs(12).setNumWorkers(2)
                .fit(SequenceTasks.tokenOrder(spark, 480, VOCABULARY, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = SequenceClassifierTest.accuracy(model.transform(
                SequenceTasks.tokenOrder(spark, 300, VOCABULARY, 2)));
        System.out.printf("TransformerClassifier token order: accuracy %.4f, fit %.1f s%n", accuracy, seconds);
        assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy);
        assertEquals(SequenceInput.TOKEN_IDS, model.sequenceInput());
    }

    /**
     * A prediction never depends on its batch. (This caught DL4J 1.0.0-M2.1's TimeDistributedLayer masking the wrong
     * positions; the blocks use models' PositionWiseDense instead.)
     */
    @ParameterizedTest
    @CsvSource({"mean,false", "cls,true"})
    void paddingNeverChangesAPrediction(String pooling, boolean preNorm, SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 60, 7);
        TransformerClassificationModel model = new TransformerClassifier().setFeaturesCol("seq").setModelDim(8)
                .setNumHeads(2).setFfDim(16).setPooling(pooling).setPreNorm(preNorm).setMaxEpochs(1).fit(data);
        PaddingInvariance.assertBatchIndependent(model, data, "probability");
    }

    @Test
    void theDriverPredictsAsTransformDoesForOneSequence(SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 40, 8);
        TransformerClassificationModel model = new TransformerClassifier().setFeaturesCol("seq").setModelDim(8)
                .setNumHeads(2).setFfDim(16).setPooling("cls").setPreNorm(true).setMaxEpochs(1).setNumWorkers(2)
                .fit(data);
        assertEquals(2, model.numFeatures());
        assertEquals(SequenceInput.STEP_VECTORS, model.sequenceInput());
        StageContract.assertSingleRowEqualsTransform(model.setInferenceBatchSize(1), data.limit(5));
    }
}
