package io.deepline.pipelines.sequence;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The many-to-one sequence stages honour the Spark ML contract and reject bad input clearly. */
@ExtendWith(SparkSessionExtension.class)
class SequenceStagesContractTest {

    private static List<Row> scores(Dataset<Row> scored) {
        return scored.select("rawPrediction", "probability", "prediction").collectAsList();
    }

    @Test
    void classifierAndRegressorSaveLoadAndCopy(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 80, 11);
        SequenceClassifier clf = new SequenceClassifier().setFeaturesCol("seq").setCell("rnn").setHiddenSize(4)
                .setPooling("mean").setMaxSequenceLength(6).setTruncate("tail").setMaxEpochs(2).setNumWorkers(2);
        SequenceClassificationModel model = clf.fit(data);
        StageContract.assertWellFormedStage(clf);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(clf, model);
        StageContract.assertSingleRowEqualsTransform(model, data);
        StageContract.assertSaveAndLoad(clf, dir, SequenceClassifier::load);
        SequenceClassificationModel loaded = StageContract.assertSaveAndLoad(model, dir,
                SequenceClassificationModel::load);
        assertEquals(scores(model.transform(data)), scores(loaded.transform(data)), "identical predictions");
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
        assertEquals(2, loaded.numClasses());
        assertEquals("tail", loaded.getTruncate());

        SequenceRegressor reg = new SequenceRegressor().setFeaturesCol("seq").setHiddenSize(4).setMaxEpochs(1);
        Dataset<Row> series = SequenceTasks.sineWindows(spark, 40, 12);
        SequenceRegressionModel regModel = reg.fit(series);
        StageContract.assertCopyAndUids(reg, regModel);
        SequenceRegressionModel regLoaded = StageContract.assertSaveAndLoad(regModel, dir,
                SequenceRegressionModel::load);
        assertEquals(regModel.transform(series).select("prediction").collectAsList(),
                regLoaded.transform(series).select("prediction").collectAsList());
        SequenceRegressionModel copy = regModel.copy(ParamMap.empty());
        java.util.Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(regLoaded.transform(series).select("prediction").collectAsList(),
                regModel.transform(series).select("prediction").collectAsList(), "copies share no weights");
    }

    @Test
    void crossValidatesAndSavesInsideAPipeline(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> data = SequenceTasks.containsToken(spark, 120, 12, 13);
        SequenceClassifier clf = new SequenceClassifier().setFeaturesCol("seq").setVocabularySize(12)
                .setEmbeddingSize(4).setHiddenSize(8).setMaxEpochs(3).setNumWorkers(2);
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {1e-4, 0.02}).build();
        CrossValidator cv = new CrossValidator().setEstimator(new Pipeline().setStages(new PipelineStage[] {clf}))
                .setEstimatorParamMaps(grid).setEvaluator(new BinaryClassificationEvaluator()).setNumFolds(2)
                .setSeed(3);
        CrossValidatorModel cvModel = cv.fit(data);
        assertTrue(cvModel.avgMetrics()[1] > cvModel.avgMetrics()[0], "the larger learning rate learns in 3 epochs: "
                + java.util.Arrays.toString(cvModel.avgMetrics()));
        PipelineModel best = (PipelineModel) cvModel.bestModel();
        String path = dir.resolve("best").toString();
        best.write().overwrite().save(path);
        assertEquals(scores(best.transform(data)), scores(PipelineModel.load(path).transform(data)));
    }

    @Test
    void badSchemasAndParamsNameTheColumnAndTheFix(SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 20, 14);
        assertFailsNaming(IllegalArgumentException.class,
                () -> new SequenceClassifier().setFeaturesCol("label").fit(data), "'label'", "array<array<double>>");
        assertFailsNaming(IllegalArgumentException.class,
                () -> new SequenceClassifier().setFeaturesCol("seq").setVocabularySize(5).fit(data),
                "vocabularySize");
        assertFailsNaming(IllegalArgumentException.class,
                () -> new SequenceClassifier().setFeaturesCol("ids").fit(data), "ids");
        Dataset<Row> tags = SequenceTasks.flipFlopTags(spark, 10, 8, 1).withColumnRenamed("seq", "ids");
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceClassifier().setFeaturesCol("ids")
                .setVocabularySize(8).fit(tags), "'label'", "SequenceTagger");
        SequenceClassifier weighted = new SequenceClassifier().setFeaturesCol("seq");
        weighted.set(weighted.weightCol(), "label");
        assertFailsNaming(IllegalArgumentException.class, () -> weighted.fit(data), "weightCol");
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceClassifier().setFeaturesCol("seq")
                .setCell("lstm").setBidirectional(true).fit(data), "bidirectional", "gru");
    }

    @Test
    void badRowsFailAtFitAndAtScoringNamingTheRow(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(List.of(4, 5, 6), 1.0));
        rows.add(RowFactory.create(List.of(5, 9), 0.0));
        Dataset<Row> data = SequenceTasks.frame(spark, SequenceTasks.TOKENS, DataTypes.DoubleType, rows);
        assertFailsNaming(IllegalArgumentException.class, () -> new SequenceClassifier().setFeaturesCol("seq")
                .setVocabularySize(8).fit(data), "'seq'", "outside [0, vocabularySize)", "id 9");
        SequenceClassificationModel model = new SequenceClassifier().setFeaturesCol("seq").setVocabularySize(10)
                .setMaxEpochs(1).fit(data);
        List<Row> bad = new ArrayList<>(rows);
        bad.add(RowFactory.create(List.of(), 1.0));
        Dataset<Row> withEmpty = SequenceTasks.frame(spark, SequenceTasks.TOKENS, DataTypes.DoubleType, bad)
                .coalesce(1);
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> model.transform(withEmpty).collectAsList());
        while (e.getCause() != null && !(e instanceof IllegalArgumentException)) {
            e = e.getCause();
        }
        assertTrue(e instanceof IllegalArgumentException && e.getMessage().contains("'seq' row 2")
                && e.getMessage().contains("empty"), "scoring names the column, row and problem: " + e);
    }
}
