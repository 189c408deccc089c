package io.deepline.pipelines.classification.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
import org.apache.spark.ml.feature.VectorAssembler;
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

/** The perceptron honours the Spark ML stage contract: uid, copy, Params, persistence, Pipeline, tuning. */
@ExtendWith(SparkSessionExtension.class)
class PerceptronContractTest {
    private static Dataset<Row> iris;
    private static PerceptronClassifier estimator;
    private static PerceptronClassificationModel model;

    @BeforeAll
    static void fitOnce() {
        iris = PerceptronSamples.irisTwoClasses(SparkSessionExtension.session());
        estimator = new PerceptronClassifier().setMaxIter(20).setSeed(7).setNumWorkers(2);
        model = estimator.fit(iris);
    }

    private static List<Row> scores(Dataset<Row> predictions) {
        return predictions.select("rawPrediction", "prediction").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        assertEquals(4, model.numFeatures());
        assertEquals(2, model.numClasses());
        assertEquals(20, model.getMaxIter(), "the model carries the estimator's Params");
        assertEquals(7L, model.getSeed());
        assertEquals(2, (Integer) model.getOrDefault(model.numWorkers()));
    }

    @Test
    void defaultsAreDocumentedValuesAndThereIsNoProbability() {
        PerceptronClassifier d = new PerceptronClassifier();
        assertEquals(100, d.getMaxIter());
        assertEquals(42L, d.getSeed());
        assertFalse(d.isDefined(d.numWorkers()), "numWorkers defaults to Spark's default parallelism");
        assertEquals("features", d.getFeaturesCol());
        assertEquals("label", d.getLabelCol());
        assertEquals("rawPrediction", d.getRawPredictionCol());
        assertFalse(d.hasParam("probabilityCol"), "the perceptron has no probabilities");
        assertFalse(Arrays.asList(model.transform(iris).columns()).contains("probability"));
    }

    @Test
    void copiesAreDeepAndCopyExtraLeavesTheOriginal() {
        PerceptronClassificationModel copy = model.copy(ParamMap.empty());
        assertNotSame(model.state(), copy.state());
        assertNotSame(model.state().w(), copy.state().w(), "a copy never shares the weight array");
        assertArrayEquals(model.state().w(), copy.state().w());
        assertEquals(model.intercept(), copy.intercept());
        assertArrayEquals(model.mistakesPerEpoch(), copy.mistakesPerEpoch());
        assertEquals(model.converged(), copy.converged());
        List<Row> before = scores(model.transform(iris));
        copy.state().w()[0] += 1000;
        assertEquals(before, scores(model.transform(iris)), "changing a copy's weights must not touch the original");

        PerceptronClassifier one = estimator.copy(new ParamMap().put(estimator.maxIter().w(1)));
        assertEquals(1, one.getMaxIter());
        assertEquals(20, estimator.getMaxIter(), "copy(extra) must not change the original");
    }

    @Test
    void estimatorAndModelSaveAndLoad(@TempDir Path dir) throws IOException {
        StageContract.assertSaveAndLoad(estimator, dir, PerceptronClassifier::load);
        PerceptronClassificationModel loaded = StageContract.assertSaveAndLoad(model, dir,
                PerceptronClassificationModel::load);
        assertEquals(scores(model.transform(iris)), scores(loaded.transform(iris)), "identical predictions");
        assertArrayEquals(model.weights().toArray(), loaded.weights().toArray(), "weights round-trip exactly");
        assertEquals(model.intercept(), loaded.intercept());
        assertArrayEquals(model.mistakesPerEpoch(), loaded.mistakesPerEpoch());
        assertEquals(model.converged(), loaded.converged());
    }

    @Test
    void pipelineModelSaveAndLoadGivesIdenticalPredictions(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> raw = PerceptronSamples.irisTwoClassesRaw(spark);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(PerceptronSamples.IRIS_COLUMNS).setOutputCol("features"),
                new PerceptronClassifier().setMaxIter(10).setNumWorkers(2)});
        PipelineModel fitted = pipeline.fit(raw);
        String path = dir.resolve("pipeline-model").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertTrue(loaded.stages()[1] instanceof PerceptronClassificationModel);
        assertEquals(scores(fitted.transform(raw)), scores(loaded.transform(raw)));
    }

    @Test
    void crossValidatorOverMaxIterWithAreaUnderRocSavesAndLoads(@TempDir Path dir) throws IOException {
        PerceptronClassifier clf = new PerceptronClassifier().setNumWorkers(2).setSeed(3);
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.maxIter(), new int[] {1, 10}).build();
        CrossValidator cv = new CrossValidator().setEstimator(clf).setEstimatorParamMaps(grid)
                .setEvaluator(new BinaryClassificationEvaluator().setMetricName("areaUnderROC"))
                .setNumFolds(2).setParallelism(2).setSeed(1);
        CrossValidatorModel cvModel = cv.fit(iris);
        double[] metrics = cvModel.avgMetrics();
        assertEquals(2, metrics.length);
        assertTrue(Arrays.stream(metrics).max().orElseThrow() > 0.95, "AUC on held-out folds: "
                + Arrays.toString(metrics));

        String path = dir.resolve("cv").toString();
        cvModel.write().overwrite().save(path);
        CrossValidatorModel loaded = CrossValidatorModel.load(path);
        assertArrayEquals(metrics, loaded.avgMetrics());
        assertEquals(scores(cvModel.transform(iris)), scores(loaded.transform(iris)));
        assertTrue(loaded.bestModel() instanceof PerceptronClassificationModel);
    }

    @Test
    void predictionOnlyOutputUsesPredictAndAgreesWithRawPrediction() {
        PerceptronClassificationModel m = model.copy(ParamMap.empty());
        m.setRawPredictionCol("").setPredictionCol("yhat");
        Dataset<Row> out = m.transform(iris);
        assertEquals(List.of("features", "label", "yhat"), Arrays.asList(out.columns()));
        assertEquals(model.transform(iris).select("prediction").collectAsList(), out.select("yhat").collectAsList());
    }
}
