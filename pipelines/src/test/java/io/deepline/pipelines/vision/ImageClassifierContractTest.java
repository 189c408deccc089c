package io.deepline.pipelines.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.CnnArchitecture;
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
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
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

/** ImageClassifier honours the Spark ML stage contract: uid, copy, Params, persistence, Pipeline, tuning. */
@ExtendWith(SparkSessionExtension.class)
class ImageClassifierContractTest {
    private static final String SMALL = "conv(4,3) pool(2) dense(16)";
    private static Dataset<Row> digits;
    private static ImageClassifier estimator;
    private static ImageClassificationModel model;

    @BeforeAll
    static void fitOnce() {
        digits = DataSamples.digitsUnitScaled(SparkSessionExtension.session()).limit(600).cache();
        estimator = new ImageClassifier().setImageShape(new int[] {1, 8, 8}).setArchitecture(SMALL).setBatchNorm(true)
                .setDropout(0.1).setLearningRate(5e-3).setBatchSize(32).setMaxEpochs(3).setNumWorkers(2)
                .setSeed(11).setInferenceBatchSize(100);
        model = estimator.fit(digits);
    }

    private static List<Row> scores(Dataset<Row> predictions) {
        return predictions.select("rawPrediction", "probability", "prediction").collectAsList();
    }

    @Test
    void stagesAreWellFormedAndKeepUidsThroughFitAndCopy() {
        StageContract.assertWellFormedStage(estimator);
        StageContract.assertWellFormedStage(model);
        StageContract.assertCopyAndUids(estimator, model);
        StageContract.assertReflectionEntryPoints(ImageClassifier.class);
        StageContract.assertReflectionEntryPoints(ImageClassificationModel.class);
        assertEquals(64, model.numFeatures());
        assertEquals(10, model.numClasses());
        assertArrayEquals(new int[] {1, 8, 8}, model.getImageShape().toArray(), "the model carries the Params");
        assertEquals(SMALL, model.getArchitecture());
        StageContract.assertSingleRowEqualsTransform(model, digits.limit(20));
    }

    @Test
    void defaultsAreDocumentedValues() {
        ImageClassifier d = new ImageClassifier();
        assertEquals(CnnArchitecture.LENET, d.getArchitecture());
        assertEquals("relu", d.getActivation());
        assertFalse(d.getBatchNorm());
        assertFalse(d.isDefined(d.imageShape()), "imageShape must be set by the user");
        assertEquals("adam", d.getUpdater());
    }

    @Test
    void copiesAreDeep() {
        ImageClassificationModel copy = model.copy(ParamMap.empty());
        assertNotSame(model.networkSnapshot().params(), copy.networkSnapshot().params());
        List<Row> before = scores(model.transform(digits));
        Arrays.fill(copy.networkSnapshot().params(), 0f);
        assertEquals(before, scores(model.transform(digits)), "changing a copy's weights must not touch the original");
    }

    @Test
    void estimatorAndModelSaveAndLoad(@TempDir Path dir) throws IOException {
        StageContract.assertSaveAndLoad(estimator, dir, ImageClassifier::load);
        ImageClassificationModel loaded = StageContract.assertSaveAndLoad(model, dir, ImageClassificationModel::load);
        assertEquals(scores(model.transform(digits)), scores(loaded.transform(digits)), "identical predictions");
        assertEquals(model.trainingHistory(), loaded.trainingHistory());
        assertArrayEquals(model.networkSnapshot().updaterState(), loaded.networkSnapshot().updaterState());
        assertEquals(model.predict(digits.first().getAs(0)), loaded.predict(digits.first().getAs(0)),
                "single-row predict matches too");
    }

    @Test
    void pipelineFromPixelColumnsSavesLoadsAndTunes(SparkSession spark, @TempDir Path dir) throws IOException {
        Dataset<Row> raw = DataSamples.csv(spark, "digits8x8.csv.gz").limit(300);
        String[] pixels = new String[64];
        for (int i = 0; i < 64; i++) {
            pixels[i] = "p" + i;
        }
        ImageClassifier cnn = new ImageClassifier().setImageShape(new int[] {1, 8, 8}).setArchitecture(SMALL)
                .setBatchSize(16).setMaxEpochs(6).setNumWorkers(2).setSeed(4);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(pixels).setOutputCol("features"), cnn});
        ParamMap[] grid = new ParamGridBuilder().addGrid(cnn.learningRate(), new double[] {1e-5, 3e-3}).build();
        CrossValidator cv = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setNumFolds(2)
                .setSeed(1);
        CrossValidatorModel cvModel = cv.fit(raw);
        double[] metrics = cvModel.avgMetrics();
        assertTrue(metrics[1] > metrics[0], "a usable learning rate must beat 1e-5: " + Arrays.toString(metrics));

        PipelineModel best = (PipelineModel) cvModel.bestModel();
        String path = dir.resolve("pipeline-model").toString();
        best.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertEquals(scores(best.transform(raw)), scores(loaded.transform(raw)));
        assertTrue(loaded.stages()[1] instanceof ImageClassificationModel);
    }
}
