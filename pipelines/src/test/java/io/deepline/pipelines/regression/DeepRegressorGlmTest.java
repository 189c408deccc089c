package io.deepline.pipelines.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GLMs as networks with no hidden layer converge to the closed-form and MLlib solutions (course §1–2). */
@ExtendWith(SparkSessionExtension.class)
class DeepRegressorGlmTest {

    private static double[] weights(DeepRegressionModel model) {
        MultiLayerNetwork net = model.toNetwork();
        return net.getLayer(0).getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
    }

    private static double bias(DeepRegressionModel model) {
        return model.toNetwork().getLayer(0).getParam("b").getDouble(0);
    }

    /** Full-batch Nesterov gradient descent; 400 steps reach ~1e-5 relative error on this problem. */
    @Test
    void gaussianGlmOnDiabetesMatchesMllibNormalEquations(SparkSession spark) {
        Dataset<Row> diabetes = RegressionData.diabetes(spark);
        LinearRegressionModel exact = new LinearRegression().setSolver("normal").setRegParam(0).fit(diabetes);
        DeepRegressionModel glm = new DeepRegressor().setHiddenLayers(new int[0]).setUpdater("nesterovs")
                .setLearningRate(0.05).setMomentum(0.95).setBatchSize(1000).setMaxEpochs(400).setNumWorkers(1)
                .fit(diabetes);
        double[] expected = exact.coefficients().toArray();
        double[] actual = weights(glm);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-3 * Math.abs(expected[j]), "coefficient " + j);
        }
        assertEquals(exact.intercept(), bias(glm), 1e-3 * Math.abs(exact.intercept()), "intercept");
    }

    /** One feature, no intercept: the course's eq. 4, w* = Σ yₙxₙ / Σ xₙ². */
    @Test
    void univariateNoInterceptMatchesTheClosedForm(SparkSession spark) {
        Random random = new Random(4);
        List<Row> rows = new ArrayList<>();
        double sumXy = 0;
        double sumXx = 0;
        for (int i = 0; i < 200; i++) {
            double x = random.nextGaussian();
            double y = 2.5 * x + 0.7 * random.nextGaussian() + 0.3;
            sumXy += x * y;
            sumXx += x * x;
            rows.add(RowFactory.create(Vectors.dense(x), y));
        }
        DeepRegressionModel glm = new DeepRegressor().setHiddenLayers(new int[0]).setFitIntercept(false)
                .setUpdater("sgd").setLearningRate(0.2).setBatchSize(200).setMaxEpochs(60).setNumWorkers(1)
                .fit(RegressionData.frame(spark, rows, false));
        double closedForm = sumXy / sumXx;
        assertEquals(1, weights(glm).length, "no intercept: a single parameter");
        assertEquals(closedForm, weights(glm)[0], 1e-4 * Math.abs(closedForm));
    }

    @Test
    void poissonGlmRecoversTheLogLinearRate(SparkSession spark) {
        Dataset<Row> counts = RegressionData.poisson(spark, 2000, 0.5, new double[] {0.8, -0.3}, 9);
        GeneralizedLinearRegressionModel exact = new GeneralizedLinearRegression().setFamily("poisson")
                .setLink("log").fit(counts);
        DeepRegressionModel glm = new DeepRegressor().setFamily("poisson").setHiddenLayers(new int[0])
                .setUpdater("nesterovs").setLearningRate(0.1).setBatchSize(1000).setMaxEpochs(80).setNumWorkers(2)
                .fit(counts);
        double[] w = weights(glm);
        assertEquals(exact.coefficients().apply(0), w[0], 0.02);
        assertEquals(exact.coefficients().apply(1), w[1], 0.02);
        assertEquals(exact.intercept(), bias(glm), 0.02);
        Vector x = Vectors.dense(1.0, -1.0);
        assertEquals(Math.exp(bias(glm) + w[0] - w[1]), glm.predict(x), 1e-4, "the mean is exp(b + w·x)");
        assertTrue(glm.transform(counts).select("prediction").as(org.apache.spark.sql.Encoders.DOUBLE())
                .collectAsList().stream().allMatch(p -> p > 0), "Poisson means are positive");
    }

    @Test
    void multiOutputRegressionPredictsAVectorPerRow(SparkSession spark) {
        Random random = new Random(2);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            rows.add(RowFactory.create(Vectors.dense(a, b), Vectors.dense(2 * a - b, a + 3 * b + 1)));
        }
        Dataset<Row> data = RegressionData.frame(spark, rows, true);
        DeepRegressionModel model = new DeepRegressor().setHiddenLayers(new int[0]).setUpdater("adam")
                .setLearningRate(0.05).setBatchSize(32).setMaxEpochs(40).setNumWorkers(2).fit(data);
        assertEquals(2, model.numOutputs());
        List<Row> scored = model.transform(data).select("features", "label", "prediction").collectAsList();
        double squaredError = 0;
        for (Row r : scored) {
            Vector truth = r.getAs(1);
            Vector predicted = r.getAs(2);
            assertEquals(2, predicted.size());
            squaredError += Vectors.sqdist(truth, predicted);
            Vector single = model.predictVector(r.getAs(0));
            assertTrue(Vectors.sqdist(single, predicted) < 1e-10, "single-row equals batch scoring");
        }
        assertTrue(Math.sqrt(squaredError / scored.size()) < 0.05, "RMSE " + Math.sqrt(squaredError / scored.size()));
    }

    @Test
    void deepRegressorLearnsANonLinearFunction(SparkSession spark) {
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = random.nextDouble() * 6 - 3;
            rows.add(RowFactory.create(Vectors.dense(x), Math.sin(x)));
        }
        Dataset<Row> data = RegressionData.frame(spark, rows, false);
        DeepRegressor regressor = new DeepRegressor().setLearningRate(0.01).setBatchSize(40).setAveragingFrequency(5)
                .setMaxEpochs(40).setNumWorkers(2);
        DeepRegressionModel linear = regressor.copy(ParamMap.empty()).setHiddenLayers(new int[0]).fit(data);
        DeepRegressionModel deep = regressor.copy(ParamMap.empty()).setHiddenLayers(new int[] {16, 16})
                .setActivation("tanh").fit(data);
        RegressionEvaluator rmse = new RegressionEvaluator().setMetricName("rmse");
        double linearRmse = rmse.evaluate(linear.transform(data));
        double deepRmse = rmse.evaluate(deep.transform(data));
        assertTrue(deepRmse < 0.5 * linearRmse, "deep " + deepRmse + " vs linear " + linearRmse);
    }
}
