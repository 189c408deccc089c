package io.deepline.pipelines.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.OutputHead;
import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.core.data.sequence.SequenceBatches;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.data.sequence.SequenceLayout;
import io.deepline.pipelines.core.data.sequence.SequenceTarget;
import io.deepline.pipelines.core.data.sequence.Truncation;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.BatchOrder;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Many-to-one sequence stages learn, ignore padding for every cell and pooling, and match plain DL4J. */
@ExtendWith(SparkSessionExtension.class)
class SequenceClassifierTest {

    static double accuracy(Dataset<Row> predictions) {
        return new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predictions);
    }

    @Test
    void learnsTheSignOfAMeanOverVariableLengthSequences(SparkSession spark) {
        long start = System.nanoTime();
        SequenceClassificationModel model = new SequenceClassifier().setFeaturesCol("seq").setCell("gru")
                .setHiddenSize(16).setLearningRate(0.01).setMaxEpochs(12).setBatchSize(16).setNumWorkers(2)
                .fit(SequenceTasks.signOfMean(spark, 400, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = accuracy(model.transform(SequenceTasks.signOfMean(spark, 300, 2)));
        System.out.printf("SequenceClassifier sign of mean: accuracy %.4f, fit %.1f s%n", accuracy, seconds);
        assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy);
    }

    @Test
    void tokenIdsGoThroughAnEmbedding(SparkSession spark) {
        SequenceClassificationModel model = new SequenceClassifier().setFeaturesCol("seq").setVocabularySize(20)
                .setEmbeddingSize(8).setHiddenSize(16).setPooling("max").setLearningRate(0.02).setMaxEpochs(10)
                .setNumWorkers(2).fit(SequenceTasks.containsToken(spark, 400, 20, 3));
        double accuracy = accuracy(model.transform(SequenceTasks.containsToken(spark, 300, 20, 4)));
        assertTrue(accuracy >= 0.95, "held-out accuracy " + accuracy);
        assertEquals(SequenceInput.TOKEN_IDS, model.sequenceInput());
    }

    @Test
    void regressorForecastsTheNextValueOfASine(SparkSession spark) {
        Dataset<Row> test = SequenceTasks.sineWindows(spark, 300, 6);
        long start = System.nanoTime();
        SequenceRegressionModel model = new SequenceRegressor().setFeaturesCol("seq").setHiddenSize(24)
                .setLearningRate(0.01).setMaxEpochs(15).setBatchSize(16).setNumWorkers(2)
                .fit(SequenceTasks.sineWindows(spark, 600, 5));
        double seconds = (System.nanoTime() - start) / 1e9;
        double rmse = new RegressionEvaluator().setMetricName("rmse").evaluate(model.transform(test));
        double spread = Math.sqrt(test.selectExpr("var_pop(label)").first().getDouble(0));
        System.out.printf("SequenceRegressor sine forecast: RMSE %.4f (label std %.4f), fit %.1f s%n", rmse, spread,
                seconds);
        assertTrue(rmse < 0.2 * spread, "held-out RMSE " + rmse + " vs label std " + spread);
    }

    /** Every cell and pooling: one short fit, then the same predictions alone and in one padded batch. */
    @ParameterizedTest
    @CsvSource({"rnn,last,false", "lstm,last,false", "gru,last,false", "lstm,mean,false", "gru,max,false",
            "gru,last,true", "rnn,mean,true"})
    void paddingNeverChangesAPrediction(String cell, String pooling, boolean bidirectional, SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 60, 7);
        SequenceClassificationModel model = new SequenceClassifier().setFeaturesCol("seq").setCell(cell)
                .setPooling(pooling).setBidirectional(bidirectional).setHiddenSize(6).setNumLayers(2)
                .setMaxEpochs(1).setNumWorkers(1).fit(data);
        PaddingInvariance.assertBatchIndependent(model, data, "probability");
    }

    @Test
    void regressorPredictionsIgnorePaddingAndMatchTheDriverPath(SparkSession spark) {
        Dataset<Row> data = SequenceTasks.sineWindows(spark, 40, 8);
        SequenceRegressionModel model = new SequenceRegressor().setFeaturesCol("seq").setCell("lstm")
                .setPooling("mean").setHiddenSize(5).setMaxEpochs(1).setNumWorkers(1).fit(data);
        PaddingInvariance.assertBatchIndependent(model, data, "prediction");
        Row row = model.transform(data).first();
        assertEquals(row.getDouble(row.fieldIndex("prediction")), model.predict(row.get(0)), 1e-6);
    }

    @Test
    void oneWorkerIsBitIdenticalToPlainDl4jFitting(SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 90, 9).coalesce(1).cache();
        long seed = 13;
        SequenceClassifier clf = new SequenceClassifier().setFeaturesCol("seq").setCell("gru").setHiddenSize(5)
                .setBatchSize(8).setMaxEpochs(2).setAveragingFrequency(3).setNumWorkers(1).setSeed(seed);
        SequenceClassificationModel model = clf.fit(data);

        SequenceLayout layout = new SequenceLayout(SequenceInput.STEP_VECTORS, SequenceLabel.PER_SEQUENCE, 2,
                SequenceTarget.classes(2), 0, Truncation.HEAD);
        JavaRDD<SequenceBatch> rdd = SequenceBatches.build(data.select("seq", "label"), 1, 8, layout, seed, true);
        List<SequenceBatch> batches = rdd.collect();
        rdd.unpersist(false);
        NetworkSnapshot initial = clf.toSequenceSpec(SequenceInput.STEP_VECTORS, SequenceOutput.MANY_TO_ONE,
                SequencePooling.LAST).initialState(2, OutputHead.categorical(2));
        MultiLayerNetwork plain = initial.toNetwork();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int index : BatchOrder.forEpoch(batches.size(), seed, epoch, 0)) {
                plain.fit(batches.get(index).toDataSet());
            }
        }
        assertArrayEquals(NetworkSnapshot.paramsOf(plain), model.networkSnapshot().params(),
                "one worker trains exactly as DL4J's own fit on the same batches");
        data.unpersist();
    }
}
