package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The course's Fig. 3 (§2.1): polynomial bases come from MLlib's PolynomialExpansion in a Pipeline, in front of a
 * linear DeepRegressor. On data from a degree-7 polynomial, degrees 7 and 10 fit far better than degree 1.
 */
@ExtendWith(SparkSessionExtension.class)
class PolynomialBasisTest {

    private static double trainingMse(Dataset<Row> data, int degree) {
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new PolynomialExpansion().setInputCol("x").setOutputCol("poly").setDegree(degree),
                new StandardScaler().setInputCol("poly").setOutputCol("features").setWithMean(true),
                new DeepRegressor().setHiddenLayers(new int[0]).setLearningRate(0.05).setBatchSize(20)
                        .setAveragingFrequency(10).setMaxEpochs(60).setNumWorkers(1).setSeed(2)});
        return new RegressionEvaluator().setMetricName("mse").evaluate(pipeline.fit(data).transform(data));
    }

    @Test
    void higherDegreeBasesFitADegreeSevenPolynomial(SparkSession spark) {
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble() * 3 - 1.5;
            // Degree 7, with an even part a line cannot follow.
            double y = Math.pow(x, 7) - 2 * Math.pow(x, 5) + Math.pow(x, 3) + x * x;
            rows.add(RowFactory.create(Vectors.dense(x), y + 0.05 * random.nextGaussian()));
        }
        Dataset<Row> data = RegressionData.frame(spark, rows, false).withColumnRenamed("features", "x").cache();
        double linear = trainingMse(data, 1);
        double seven = trainingMse(data, 7);
        double ten = trainingMse(data, 10);
        assertTrue(seven < 0.1 * linear, "degree 7 MSE " + seven + " vs degree 1 " + linear);
        assertTrue(ten < 0.1 * linear, "degree 10 MSE " + ten + " vs degree 1 " + linear);
    }
}
