package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no hidden layer, DeepClassifier is logistic or softmax regression (course §1.5, §2.3). */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierGlmTest {

    /**
     * breast_cancer with four weakly correlated features (Hessian condition number ≈ 21), so that the
     * unregularised maximum-likelihood fit is finite and unique. (On all 30 features the classes are almost
     * separable: the MLE runs off to infinity, and "agreement" would measure where each optimizer stopped.)
     */
    static Dataset<Row> cancerFourFeatures(SparkSession spark) {
        Dataset<Row> raw = DataSamples.csv(spark, "breast_cancer.csv");
        Dataset<Row> assembled = new VectorAssembler().setOutputCol("raw")
                .setInputCols(new String[] {"mean_radius", "mean_texture", "mean_smoothness", "mean_concave_points"})
                .transform(raw).select(functions.col("raw"), functions.col("label").cast("double").as("label"));
        return new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true).fit(assembled)
                .transform(assembled).select("features", "label").cache();
    }

    @Test
    void binaryLogisticWithASigmoidUnitAgreesWithMllibLogisticRegression(SparkSession spark) {
        Dataset<Row> cancer = cancerFourFeatures(spark);
        LogisticRegressionModel mllib = new LogisticRegression().setRegParam(0).fit(cancer);
        // Full-batch Nesterov descent on each worker's half, averaged every step: the full-batch method.
        DeepClassificationModel ours = new DeepClassifier().setHiddenLayers(new int[0]).setBinaryOutput("sigmoid")
                .setUpdater("nesterovs").setLearningRate(1.0).setMomentum(0.9).setBatchSize(300).setMaxEpochs(150)
                .setAveragingFrequency(1).setNumWorkers(2).fit(cancer);
        List<Row> a = mllib.transform(cancer).select("prediction").collectAsList();
        List<Row> b = ours.transform(cancer).select("prediction").collectAsList();
        int agree = 0;
        for (int i = 0; i < a.size(); i++) {
            agree += a.get(i).getDouble(0) == b.get(i).getDouble(0) ? 1 : 0;
        }
        double agreement = agree / (double) a.size();
        assertTrue(agreement >= 0.99, "agreement with MLlib " + agreement);
        assertEquals(5, ours.toNetwork().numParams(), "one sigmoid unit: 4 weights + 1 bias");
        double[] w = ours.toNetwork().getLayer(0).getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .toDoubleVector();
        for (int j = 0; j < w.length; j++) {
            assertEquals(mllib.coefficients().apply(j), w[j], 0.05 * Math.abs(mllib.coefficients().apply(j)),
                    "coefficient " + j);
        }

        Dataset<Row> scored = ours.transform(cancer);
        Vector probability = scored.first().getAs("probability");
        assertEquals(2, probability.size(), "still a 2-element probability vector");
        assertEquals(1.0, probability.apply(0) + probability.apply(1), 1e-12);
        assertTrue(new BinaryClassificationEvaluator().evaluate(scored) > 0.95, "MLlib's binary evaluator works");
    }

    @Test
    void softmaxRegressionLearnsIris(SparkSession spark) {
        Dataset<Row> iris = DataSamples.iris(spark);
        DeepClassificationModel model = new DeepClassifier().setHiddenLayers(new int[0]).setLearningRate(0.05)
                .setBatchSize(16).setMaxEpochs(30).setNumWorkers(2).fit(iris);
        assertEquals(15, model.toNetwork().numParams(), "4 × 3 weights + 3 biases");
        double accuracy = DeepClassifierLearningTest.accuracy(model.transform(iris));
        assertTrue(accuracy >= 0.9, "softmax regression on iris: " + accuracy);
    }
}
