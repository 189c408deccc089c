package io.deepline.pipelines.sequence;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.testing.StageContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Transformer classifier honours the Spark ML contract and rejects bad input clearly. */
@ExtendWith(SparkSessionExtension.class)
class TransformerClassifierContractTest {

    private static List<Row> scores(Dataset<Row> scored) {
        return scored.select("rawPrediction", "probability", "prediction").collectAsList();
    }

    private static TransformerClassifier tiny() {
        return new TransformerClassifier().setFeaturesCol("seq").setModelDim(8).setNumHeads(2).setFfDim(16)
                .setNumLayers(1);
    }

    @Test
    void savesLoadsAndCopies(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 60, 11);
        TransformerClassifier clf = tiny().setPooling("cls").setPreNorm(true).setDropout(0.2).setMaxSequenceLength(6)
                .setTruncate("tail").setMaxEpochs(2).setNumWorkers(2);
        TransformerClassificationModel model = clf.fit(data);
        StageContract.assertReflectionEntryPoints(TransformerClassifier.class);
        StageContract.assertReflectionEntryPoints(TransformerClassificationModel.class);
        StageContract.assertWellFormedStage(clf);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(clf, model);
        StageContract.assertSaveAndLoad(clf, dir, TransformerClassifier::load);
        TransformerClassificationModel loaded = StageContract.assertSaveAndLoad(model, dir,
                TransformerClassificationModel::load);
        assertEquals(scores(model.transform(data)), scores(loaded.transform(data)), "identical predictions");
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
        assertEquals(2, loaded.numClasses());
        assertEquals("cls", loaded.getPooling());
        assertEquals(0.2, loaded.getDropout());

        TransformerClassificationModel copy = model.copy(ParamMap.empty());
        Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(scores(loaded.transform(data)), scores(model.transform(data)), "copies share no weights");
    }

    @Test
    void everyShapeParamGoesThroughACrossValidatorGridAndAPipelineSave(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Dataset<Row> data = SequenceTasks.containsToken(spark, 120, 12, 13);
        TransformerClassifier clf = new TransformerClassifier().setFeaturesCol("seq").setVocabularySize(12)
                .setMaxEpochs(4).setNumWorkers(2);
        ParamMap[] grid = new ParamGridBuilder()
                .baseOn(clf.modelDim().w(8), clf.numHeads().w(2), clf.ffDim().w(16), clf.dropout().w(0.0),
                        clf.maxSequenceLength().w(8), clf.pooling().w("cls"))
                .addGrid(clf.numLayers(), new int[] {1})
                .addGrid(clf.preNorm())
                .addGrid(clf.learningRate(), new double[] {1e-5, 0.03}).build();
        CrossValidator cv = new CrossValidator().setEstimator(new Pipeline().setStages(new PipelineStage[] {clf}))
                .setEstimatorParamMaps(grid).setEvaluator(new BinaryClassificationEvaluator()).setNumFolds(2)
                .setSeed(3);
        CrossValidatorModel cvModel = cv.fit(data);
        double[] metrics = cvModel.avgMetrics();
        assertTrue(Math.max(metrics[1], metrics[3]) > Math.max(metrics[0], metrics[2]),
                "the larger learning rate learns in 4 epochs: " + Arrays.toString(metrics));
        PipelineModel best = (PipelineModel) cvModel.bestModel();
        TransformerClassificationModel chosen = (TransformerClassificationModel) best.stages()[0];
        assertEquals(8, chosen.getModelDim());
        assertEquals("cls", chosen.getPooling());
        assertEquals(0.03, chosen.getLearningRate());
        String path = dir.resolve("best").toString();
        best.write().overwrite().save(path);
        assertEquals(scores(best.transform(data)), scores(PipelineModel.load(path).transform(data)));
    }

    @Test
    void badSchemasAndParamsNameTheColumnAndTheFix(SparkSession spark) {
        Dataset<Row> data = SequenceTasks.signOfMean(spark, 20, 14);
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setNumHeads(3).fit(data), "numHeads is 3",
                "divide modelDim 8");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setFeaturesCol("label").fit(data), "'label'",
                "array<array<double>>");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setVocabularySize(5).fit(data),
                "vocabularySize");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setFeaturesCol("ids").fit(data), "ids");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setPooling("max"), "pooling", "max");
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setDropout(1.0), "dropout");
        Dataset<Row> tags = SequenceTasks.flipFlopTags(spark, 10, 8, 1);
        assertFailsNaming(IllegalArgumentException.class, () -> tiny().setVocabularySize(8).fit(tags), "'label'",
                "SequenceTagger");
        TransformerClassifier weighted = tiny();
        weighted.set(weighted.weightCol(), "label");
        assertFailsNaming(IllegalArgumentException.class, () -> weighted.fit(data), "weightCol");
        TransformerClassificationModel model = tiny().setMaxEpochs(1).fit(data);
        Dataset<Row> ids = SequenceTasks.containsToken(spark, 10, 12, 1);
        assertFailsNaming(IllegalArgumentException.class, () -> model.transform(ids), "seq");
        assertFailsNaming(IllegalStateException.class, () -> new TransformerClassificationModel("m").transform(data),
                "TransformerClassifier.fit");
    }
}
