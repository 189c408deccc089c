package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Softmax regression (course eq. 18–19: a DeepClassifier with no hidden layer, full-batch gradient descent on the
 * mean cross-entropy) against MLlib's multinomial LogisticRegression without regularisation or standardisation, on
 * three overlapping Gaussian classes (a finite maximum-likelihood estimate). Softmax parameters are identifiable only
 * up to a shift shared by all classes (MLlib centres them), so the test compares class probabilities and the
 * differences w_j − w_0, b_j − b_0 between classes.
 */
@ExtendWith(SparkSessionExtension.class)
class SoftmaxRegressionMllibTest {
    private static final double[][] CENTRES = {{0, 0}, {1.5, 0}, {0.75, 1.3}};
    private static final int PER_CLASS = 70;

    @Test
    void probabilitiesAndCoefficientDifferencesMatchMllib(SparkSession spark) {
        Dataset<Row> data = threeClasses(spark);
        LogisticRegressionModel mllib = new LogisticRegression().setFamily("multinomial").setRegParam(0)
                .setStandardization(false).setMaxIter(500).setTol(1e-12).fit(data);
        // One worker, one batch of all rows: every epoch is one full-batch Nesterov step.
        DeepClassificationModel ours = new DeepClassifier().setHiddenLayers(new int[0]).setUpdater("nesterovs")
                .setLearningRate(1.0).setMomentum(0.9).setBatchSize(CENTRES.length * PER_CLASS).setMaxEpochs(100)
                .setNumWorkers(1).setSeed(3).fit(data);

        MultiLayerNetwork net = ours.toNetwork();
        double[][] w = net.getLayer(0).getParam("W").castTo(DataType.DOUBLE).toDoubleMatrix(); // [features, classes]
        double[] b = net.getLayer(0).getParam("b").castTo(DataType.DOUBLE).toDoubleVector();
        Matrix coefficients = mllib.coefficientMatrix(); // [classes, features]
        Vector intercepts = mllib.interceptVector();
        double maxCoefficientError = 0;
        for (int j = 1; j < CENTRES.length; j++) {
            for (int f = 0; f < 2; f++) {
                double expected = coefficients.apply(j, f) - coefficients.apply(0, f);
                maxCoefficientError = Math.max(maxCoefficientError, Math.abs(w[f][j] - w[f][0] - expected));
            }
            double expected = intercepts.apply(j) - intercepts.apply(0);
            maxCoefficientError = Math.max(maxCoefficientError, Math.abs(b[j] - b[0] - expected));
        }
        // Measured: 3.7e-4 after 100 steps (coefficients of size ~1).
        assertEquals(0, maxCoefficientError, 2e-3, "coefficient and intercept differences between classes");

        List<Row> theirs = mllib.transform(data).select("probability").collectAsList();
        List<Row> mine = ours.transform(data).select("probability").collectAsList();
        double maxProbabilityError = 0;
        for (int i = 0; i < theirs.size(); i++) {
            Vector p = theirs.get(i).getAs(0);
            Vector q = mine.get(i).getAs(0);
            for (int k = 0; k < CENTRES.length; k++) {
                maxProbabilityError = Math.max(maxProbabilityError, Math.abs(p.apply(k) - q.apply(k)));
            }
        }
        // Measured: 6.8e-5.
        assertEquals(0, maxProbabilityError, 5e-4, "class probabilities");
    }

    /** Unit-variance Gaussian classes around {@link #CENTRES}: they overlap, so no hyperplane separates them. */
    private static Dataset<Row> threeClasses(SparkSession spark) {
        Random random = new Random(12);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < CENTRES.length; k++) {
            for (int i = 0; i < PER_CLASS; i++) {
                rows.add(RowFactory.create(Vectors.dense(CENTRES[k][0] + random.nextGaussian(),
                        CENTRES[k][1] + random.nextGaussian()), (double) k));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("features", new VectorUDT())
                .add("label", DataTypes.DoubleType)).cache();
    }
}
