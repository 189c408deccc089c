package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.TrainingListener;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Candidates fitted concurrently ({@code parallelism} 2) give exactly the metrics, the choice and the best model of
 * fitting them one at a time; and every fit, on whatever thread, is labelled with its candidate and fold.
 */
@ExtendWith(SparkSessionExtension.class)
class CrossValidationParallelismTest {

    @Test
    void parallelFitsChooseAndMeasureExactlyAsSequentialOnesAndNameTheirFits() {
        Dataset<Row> iris = DataSamples.iris(SparkSessionExtension.session()).limit(90).cache();
        DeepClassifier clf = new DeepClassifier().setHiddenLayers(new int[] {4}).setMaxEpochs(2).setBatchSize(16)
                .setNumWorkers(2).setSeed(3);
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {0.003, 0.05}).build();
        Set<String> sequentialLabels = new ConcurrentSkipListSet<>();
        Set<String> parallelLabels = new ConcurrentSkipListSet<>();

        CrossValidationResult sequential = crossValidate(clf, grid, iris, 1, sequentialLabels);
        CrossValidationResult parallel = crossValidate(clf, grid, iris, 2, parallelLabels);

        assertArrayEquals(sequential.model().avgMetrics(), parallel.model().avgMetrics(), 0.0);
        assertEquals(sequential.report().toCsv(), parallel.report().toCsv(), "every fold's metric, exactly");
        assertEquals(sequential.report().bestIndex(), parallel.report().bestIndex());
        assertArrayEquals(params(sequential), params(parallel), 0f, "the refitted best model, bit for bit");
        for (int fold = 0; fold < 2; fold++) {
            for (int m = 0; m < grid.length; m++) {
                assertArrayEquals(((DeepClassificationModel) sequential.model().subModels()[fold][m]).fittedNetwork()
                                .snapshot().params(),
                        ((DeepClassificationModel) parallel.model().subModels()[fold][m]).fittedNetwork()
                                .snapshot().params(), 0f, "fold " + fold + " candidate " + m);
            }
        }

        String best = sequential.report().best().description();
        Set<String> expected = new TreeSet<>(List.of("tune 1/4 (learningRate=0.003, fold 1/2)",
                "tune 2/4 (learningRate=0.05, fold 1/2)", "tune 3/4 (learningRate=0.003, fold 2/2)",
                "tune 4/4 (learningRate=0.05, fold 2/2)", "tune best (" + best + ", all rows)"));
        assertEquals(expected, sequentialLabels, "the labels the listener saw on each fit's thread");
        assertEquals(expected, parallelLabels);
        assertNull(FitLabel.current(), "no label is left on the caller's thread");
        assertEquals(clf, parallel.model().getEstimator(), "the model names the estimator that was tuned");
        iris.unpersist();
    }

    private static CrossValidationResult crossValidate(DeepClassifier clf, ParamMap[] grid, Dataset<Row> data,
                                                       int parallelism, Set<String> labels) {
        TrainingListener listener = (stats, maxEpochs) -> labels.add(FitLabel.current());
        return new KFoldCrossValidation(clf, grid, new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .withFolds(2).withSeed(11).stratifiedBy("label").withParallelism(parallelism).withLabel("tune")
                .withListener(listener).fit(data);
    }

    private static float[] params(CrossValidationResult result) {
        return ((DeepClassificationModel) result.model().bestModel()).fittedNetwork().snapshot().params();
    }
}
