package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.core.interop.ScalaCollections;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * k-fold CV over MLlib's CrossValidator: the per-fold metrics reproduce MLlib's averages, agree with our own
 * ClassificationReport, and the report picks MLlib's best point; bad input is named.
 */
@ExtendWith(SparkSessionExtension.class)
class KFoldCrossValidationTest {
    private static final int K = 3;
    private static final long SEED = 17;
    private static Dataset<Row> iris;
    private static DeepClassifier clf;
    private static ParamMap[] grid;
    private static CrossValidationResult result;

    @BeforeAll
    static void crossValidateOnce() {
        iris = DataSamples.iris(SparkSessionExtension.session());
        clf = new DeepClassifier().setMaxEpochs(6).setBatchSize(16).setNumWorkers(2).setSeed(5);
        grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(List.of(new int[] {4}, new int[] {16, 8})))
                .addGrid(clf.learningRate(), new double[] {1e-4, 0.02})
                .build();
        result = new KFoldCrossValidation(clf, grid, new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .withFolds(K).withSeed(SEED).stratifiedBy("label").withParallelism(2).fit(iris);
    }

    @Test
    void foldMetricsAverageToMllibsAvgMetricsAndMatchOurOwnAccuracy() {
        CrossValidationReport report = result.report();
        double[] avg = result.model().avgMetrics();
        assertEquals(grid.length, report.gridPoints().size());
        assertEquals(K, report.numFolds());
        assertTrue(report.hasFoldMetrics());
        // The fold column is a function of the rows and the seed, so it can be rebuilt to score each fold ourselves.
        Dataset<Row> folded = DataSplits.folds(K).withSeed(SEED).stratifiedBy("label")
                .withSplitIndex(iris, KFoldCrossValidation.FOLD_COL).cache();
        double spread = 0;
        for (int m = 0; m < grid.length; m++) {
            CrossValidationReport.GridPoint p = report.gridPoints().get(m);
            assertEquals(avg[m], p.mean(), 1e-9, "grid point " + m + " mean of folds = MLlib's avgMetrics");
            double[] folds = p.foldMetrics();
            for (int i = 0; i < K; i++) {
                Dataset<Row> fold = folded.filter(functions.col(KFoldCrossValidation.FOLD_COL).equalTo(i));
                double accuracy = ClassificationReport.of(result.model().subModels()[i][m].transform(fold, grid[m]),
                        "label", "prediction", null, 3).accuracy();
                assertEquals(accuracy, folds[i], 1e-12, "fold " + i + " of grid point " + m);
            }
            double mean = Arrays.stream(folds).average().orElseThrow();
            double variance = Arrays.stream(folds).map(v -> (v - mean) * (v - mean)).sum() / K;
            assertEquals(Math.sqrt(variance), p.std().getAsDouble(), 1e-12, "population std of the folds");
            spread = Math.max(spread, p.std().getAsDouble());
        }
        assertTrue(spread > 0, "folds differ somewhere: " + report);
        folded.unpersist();
    }

    @Test
    void theBestPointIsMllibsAndItsModelWasRefitWithIt() {
        CrossValidationReport report = result.report();
        double[] avg = result.model().avgMetrics();
        int best = 0;
        for (int m = 1; m < avg.length; m++) {
            best = avg[m] > avg[best] ? m : best;
        }
        assertEquals(best, report.bestIndex());
        assertTrue(report.largerIsBetter());
        assertEquals("accuracy", report.metricName());
        DeepClassificationModel bestModel = (DeepClassificationModel) result.model().bestModel();
        assertArrayEquals((int[]) grid[best].apply(clf.hiddenLayers()), bestModel.getHiddenLayers());
        assertEquals(150, bestModel.provenance().trainRows(), "the best point is refit on all rows");
        assertTrue(report.best().mean() > 0.8, report.toString());
        assertEquals(List.of("hiddenLayers", "learningRate"), List.copyOf(report.best().params().keySet()),
                "only the varying params describe a point; the fixed ones (maxEpochs, seed ...) do not");
    }

    @Test
    void csvJsonAndDataFrameCarryTheSameNumbers(SparkSession spark) throws Exception {
        CrossValidationReport report = result.report();
        String[] lines = report.toCsv().split("\n");
        assertEquals("params,fold_1,fold_2,fold_3,mean,std", lines[0]);
        assertEquals(1 + grid.length, lines.length);
        for (int m = 0; m < grid.length; m++) {
            CrossValidationReport.GridPoint p = report.gridPoints().get(m);
            assertTrue(lines[1 + m].startsWith("\"" + p.description() + "\","), lines[1 + m]);
            String[] numbers = lines[1 + m].substring(p.description().length() + 3).split(",");
            assertEquals(K + 2, numbers.length);
            for (int i = 0; i < K; i++) {
                assertEquals(p.foldMetrics()[i], Double.parseDouble(numbers[i]));
            }
            assertEquals(p.mean(), Double.parseDouble(numbers[K]));
        }
        JsonNode json = Json.MAPPER.readTree(report.toJson());
        assertEquals(report.bestIndex(), json.get("best").asInt());
        assertEquals("accuracy", json.get("metric").asText());
        JsonNode first = json.get("gridPoints").get(0);
        assertEquals(((int[]) grid[0].apply(clf.hiddenLayers()))[0], first.get("params").get("hiddenLayers").get(0).asInt());
        assertEquals((double) grid[0].apply(clf.learningRate()), first.get("params").get("learningRate").asDouble());
        assertEquals(report.gridPoints().get(0).foldMetrics()[2], first.get("folds").get(2).asDouble());
        Dataset<Row> frame = report.toDataFrame(spark);
        assertEquals(report.columns(), List.of(frame.columns()));
        assertEquals(grid.length, frame.count());
    }

    @Test
    void aModelWithoutFoldModelsReportsMeansOnlyAndOtherDataIsCaught(SparkSession spark) {
        CrossValidatorModel plain = new CrossValidator().setEstimator(clf.copy(ParamMap.empty()).setMaxEpochs(1))
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {0.1, 0.01})
                        .build()).setEvaluator(new MulticlassClassificationEvaluator()).setNumFolds(2).fit(iris);
        CrossValidationReport means = CrossValidationReport.of(plain);
        assertTrue(!means.hasFoldMetrics() && means.gridPoints().get(0).std().isEmpty());
        assertEquals(plain.avgMetrics()[1], means.gridPoints().get(1).mean());
        assertTrue(means.toCsv().split("\n")[1].endsWith(",,," + plain.avgMetrics()[0] + ","), means.toCsv());
        IllegalArgumentException noFolds = assertThrows(IllegalArgumentException.class,
                () -> CrossValidationReport.of(plain, iris));
        assertTrue(noFolds.getMessage().contains("setCollectSubModels(true)"), noFolds.getMessage());

        Dataset<Row> otherFolds = DataSplits.folds(K).withSeed(SEED + 1).withSplitIndex(iris,
                KFoldCrossValidation.FOLD_COL);
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> CrossValidationReport.of(result.model(), otherFolds));
        assertTrue(other.getMessage().contains("same (persisted) DataFrame"), other.getMessage());
    }

    @Test
    void regressorsAreTunedWithSmallerIsBetter(SparkSession spark) {
        Random random = new Random(4);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            rows.add(RowFactory.create(Vectors.dense(a, b), 2 * a - b + 0.1 * random.nextGaussian()));
        }
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("features", new VectorUDT())
                .add("label", DataTypes.DoubleType)).cache();
        DeepRegressor reg = new DeepRegressor().setHiddenLayers(new int[0]).setBatchSize(30).setMaxEpochs(10)
                .setNumWorkers(2).setUpdater("sgd").setSeed(1);
        ParamMap[] lr = new ParamGridBuilder().addGrid(reg.learningRate(), new double[] {1e-4, 0.1}).build();
        CrossValidationResult cv = new KFoldCrossValidation(reg, lr, new RegressionEvaluator().setMetricName("rmse"))
                .withFolds(2).fit(data);
        CrossValidationReport report = cv.report();
        assertTrue(!report.largerIsBetter());
        double[] avg = cv.model().avgMetrics();
        assertEquals(avg[0], report.gridPoints().get(0).mean(), 1e-9);
        assertEquals(avg[1], report.gridPoints().get(1).mean(), 1e-9);
        assertEquals(avg[0] < avg[1] ? 0 : 1, report.bestIndex(), "the smaller rmse wins: " + report);
        assertEquals(1, report.bestIndex(), "a step of 0.1 fits the line in 10 epochs, 1e-4 does not: " + report);
    }

    @Test
    void badInputIsNamed(SparkSession spark) {
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator();
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> new KFoldCrossValidation(clf, grid, accuracy).withFolds(1));
        assertTrue(k.getMessage().contains("k >= 2"), k.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new KFoldCrossValidation(clf, grid, accuracy).fit(iris.limit(0)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        DeepClassifier other = new DeepClassifier();
        ParamMap[] foreign = new ParamGridBuilder().addGrid(other.maxEpochs(), new int[] {1, 2}).build();
        IllegalArgumentException owned = assertThrows(IllegalArgumentException.class,
                () -> new KFoldCrossValidation(clf, foreign, accuracy));
        assertTrue(owned.getMessage().contains("'maxEpochs'") && owned.getMessage().contains(clf.uid()),
                owned.getMessage());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> new KFoldCrossValidation(clf, grid, accuracy).withFolds(4).fit(iris.limit(3)));
        assertTrue(tooFew.getMessage().contains("split 'fold_"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KFoldCrossValidation(clf, grid, null));
    }
}
