package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.testing.DataSamples;
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
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DeepClassifier honours the Spark ML stage contract: uid, copy, Params, persistence, Pipeline, tuning. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierContractTest {
    private static Dataset<Row> iris;
    private static DeepClassifier estimator;
    private static DeepClassificationModel model;

    @BeforeAll
    static void fitOnce() {
        iris = DataSamples.iris(SparkSessionExtension.session());
        estimator = new DeepClassifier().setHiddenLayers(new int[] {12, 6}).setActivation("tanh").setDropout(0.1)
                .setL2(1e-4).setUpdater("nesterovs").setLearningRate(0.05).setBatchSize(16).setMaxEpochs(8)
                .setSeed(21).setNumWorkers(2).setAveragingFrequency(2).setInferenceBatchSize(50);
        model = estimator.fit(iris);
    }

    private static List<Row> scores(Dataset<Row> predictions) {
        return predictions.select("rawPrediction", "probability", "prediction").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        assertEquals(4, model.numFeatures());
        assertEquals(3, model.numClasses());
        assertArrayEquals(new int[] {12, 6}, model.getHiddenLayers(), "the model carries the estimator's Params");
        assertEquals("nesterovs", model.getUpdater());
    }

    @Test
    void defaultsAreDocumentedValues() {
        DeepClassifier d = new DeepClassifier();
        assertArrayEquals(new int[] {64, 32}, d.getHiddenLayers());
        assertEquals("relu", d.getActivation());
        assertEquals("adam", d.getUpdater());
        assertEquals(5, d.getAveragingFrequency());
        assertFalse(d.isDefined(d.numWorkers()), "numWorkers defaults to Spark's default parallelism");
        assertEquals("features", d.getFeaturesCol());
        assertEquals("label", d.getLabelCol());
    }

    @Test
    void copiesAreDeepAndFitsFromTwoCopiesShareNoWeights() {
        DeepClassifier a = estimator.copy(ParamMap.empty());
        DeepClassifier b = estimator.copy(new ParamMap().put(estimator.maxEpochs().w(1)));
        assertEquals(8, a.getMaxEpochs());
        assertEquals(1, b.getMaxEpochs());
        assertEquals(8, estimator.getMaxEpochs(), "copy(extra) must not change the original");
        DeepClassificationModel ma = a.setMaxEpochs(1).fit(iris);
        DeepClassificationModel mb = b.fit(iris);
        assertNotSame(ma.networkSnapshot().params(), mb.networkSnapshot().params());
        assertArrayEquals(ma.networkSnapshot().params(), mb.networkSnapshot().params(), "same params → same fit");

        DeepClassificationModel copy = model.copy(ParamMap.empty());
        assertNotSame(model.networkSnapshot().params(), copy.networkSnapshot().params());
        List<Row> before = scores(model.transform(iris));
        Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(before, scores(model.transform(iris)), "changing a copy's weights must not touch the original");
    }

    @Test
    void estimatorAndModelSaveAndLoad(@TempDir Path dir) throws IOException {
        StageContract.assertSaveAndLoad(estimator, dir, DeepClassifier::load);
        DeepClassificationModel loaded = StageContract.assertSaveAndLoad(model, dir, DeepClassificationModel::load);
        assertEquals(scores(model.transform(iris)), scores(loaded.transform(iris)), "identical predictions");
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
        assertEquals(model.provenance(), loaded.provenance());
        assertArrayEquals(model.networkSnapshot().updaterState(), loaded.networkSnapshot().updaterState(),
                "the optimizer state is saved, so training could continue");
    }

    @Test
    void residualModelsTrainSaveAndLoad(@TempDir Path dir) throws IOException {
        DeepClassificationModel residual = new DeepClassifier().setHiddenLayers(new int[] {16, 16, 8}).setResidual(true)
                .setMaxEpochs(30).setBatchSize(16).setLearningRate(0.01).setNumWorkers(2).fit(iris);
        assertTrue(residual.networkSnapshot().isGraph(), "skip connections need a ComputationGraph");
        assertTrue(DeepClassifierLearningTest.accuracy(residual.transform(iris)) > 0.9);
        String path = dir.resolve("residual").toString();
        residual.save(path);
        DeepClassificationModel loaded = DeepClassificationModel.load(path);
        assertEquals(scores(residual.transform(iris)), scores(loaded.transform(iris)));
        assertTrue(loaded.getResidual());
    }

    @Test
    void pipelineModelSaveAndLoadGivesIdenticalPredictions(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> raw = DataSamples.csv(spark, "iris.csv");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(new String[] {"sepal_length", "sepal_width", "petal_length",
                        "petal_width"}).setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true),
                new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(5).setNumWorkers(2)});
        PipelineModel fitted = pipeline.fit(raw);
        String path = dir.resolve("pipeline-model").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertEquals(scores(fitted.transform(raw)), scores(loaded.transform(raw)));
        pipeline.write().overwrite().save(dir.resolve("pipeline").toString());
        assertEquals(3, Pipeline.load(dir.resolve("pipeline").toString()).getStages().length);
    }

    @Test
    void crossValidatorWithParallelFitsSavesAndLoads(@TempDir Path dir) throws IOException {
        DeepClassifier clf = new DeepClassifier().setMaxEpochs(6).setBatchSize(16).setNumWorkers(2).setSeed(5);
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(
                        List.of(new int[] {4}, new int[] {16, 8})))
                .addGrid(clf.learningRate(), new double[] {1e-4, 0.02})
                .build();
        CrossValidator cv = new CrossValidator().setEstimator(clf).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .setNumFolds(3).setParallelism(2).setSeed(1);
        CrossValidatorModel cvModel = cv.fit(iris);
        double[] metrics = cvModel.avgMetrics();
        assertEquals(4, metrics.length);
        double best = Arrays.stream(metrics).max().orElseThrow();
        assertTrue(best > 0.8, "the best grid point should learn iris: " + Arrays.toString(metrics));
        assertTrue(Arrays.stream(metrics).min().orElseThrow() < best, "grid points must differ: "
                + Arrays.toString(metrics));

        String path = dir.resolve("cv").toString();
        cvModel.write().overwrite().save(path);
        CrossValidatorModel loaded = CrossValidatorModel.load(path);
        assertArrayEquals(metrics, loaded.avgMetrics());
        assertEquals(scores(cvModel.transform(iris)), scores(loaded.transform(iris)));
        assertTrue(loaded.bestModel() instanceof DeepClassificationModel);
    }

    @Test
    void mllibEvaluatorsRunOnOurColumns(SparkSession spark) {
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(iris));
        assertTrue(accuracy > 0.8, "accuracy " + accuracy);

        Dataset<Row> cancer = DataSamples.labeledVectors(spark, "breast_cancer.csv", true).cache();
        DeepClassificationModel binary = new DeepClassifier().setHiddenLayers(new int[] {16}).setMaxEpochs(5)
                .setNumWorkers(2).fit(cancer);
        Dataset<Row> scored = binary.transform(cancer);
        double auc = new BinaryClassificationEvaluator().setMetricName("areaUnderROC").evaluate(scored);
        assertTrue(auc > 0.95, "areaUnderROC " + auc);
        Vector p = scored.first().getAs("probability");
        assertEquals(2, p.size(), "binary problems still have 2-element probability vectors");
    }

    @Test
    void outputColumnsCanBeSwitchedOffOrRenamed() {
        DeepClassificationModel m = model.copy(ParamMap.empty());
        m.setRawPredictionCol("").setProbabilityCol("p").setPredictionCol("yhat");
        Dataset<Row> out = m.transform(iris);
        assertEquals(List.of("features", "label", "yhat", "p"), Arrays.asList(out.columns()));
        List<Row> renamed = out.select("p", "yhat").collectAsList();
        List<Row> original = model.transform(iris).select("probability", "prediction").collectAsList();
        assertEquals(original, renamed);
    }
}
