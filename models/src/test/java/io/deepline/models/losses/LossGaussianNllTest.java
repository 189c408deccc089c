package io.deepline.models.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.testing.DoubleDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link LossGaussianNll} against −log Normal(y; μ, σ) written out (course §1.3, eq. 6), row weights, and its
 * refusal of shapes it cannot score. Its gradient is checked through whole networks in MlpSpecGradientCheckTest.
 */
@ExtendWith(DoubleDefaults.class)
class LossGaussianNllTest {
    private static final IActivation IDENTITY = Activation.IDENTITY.getActivationFunction();
    private static final double[][] OUT = {{0.3, -0.7}, {-1.1, 0.4}, {2.0, 0.0}};
    private static final double[][] Y = {{0.9}, {-1.5}, {1.0}};

    @Test
    void scoreIsTheGaussianNegativeLogLikelihood() {
        INDArray scores = new LossGaussianNll().computeScoreArray(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, null);
        double sum = 0;
        for (int n = 0; n < OUT.length; n++) {
            double mu = OUT[n][0];
            double sigma = Math.exp(OUT[n][1]);
            double density = Math.exp(-(Y[n][0] - mu) * (Y[n][0] - mu) / (2 * sigma * sigma))
                    / (sigma * Math.sqrt(2 * Math.PI));
            assertEquals(-Math.log(density), scores.getDouble(n, 0), 1e-12, "row " + n);
            sum += -Math.log(density);
        }
        assertEquals(sum / OUT.length, new LossGaussianNll().computeScore(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY,
                null, true), 1e-12);
    }

    @Test
    void gradientIsTheCourseDerivative() {
        INDArray gradient = new LossGaussianNll().computeGradient(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, null);
        for (int n = 0; n < OUT.length; n++) {
            double r = Y[n][0] - OUT[n][0];
            double variance = Math.exp(2 * OUT[n][1]);
            assertEquals(-r / variance, gradient.getDouble(n, 0), 1e-12);
            assertEquals(1 - r * r / variance, gradient.getDouble(n, 1), 1e-12);
        }
    }

    @Test
    void rowWeightsScaleEachRow() {
        INDArray weights = Nd4j.create(new double[][] {{2.0}, {0.0}, {0.5}});
        LossGaussianNll loss = new LossGaussianNll();
        INDArray plain = loss.computeScoreArray(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, null);
        INDArray weighted = loss.computeScoreArray(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, weights);
        INDArray gradient = loss.computeGradient(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, null);
        INDArray weightedGradient = loss.computeGradient(Nd4j.create(Y), Nd4j.create(OUT), IDENTITY, weights);
        for (int n = 0; n < OUT.length; n++) {
            assertEquals(weights.getDouble(n, 0) * plain.getDouble(n, 0), weighted.getDouble(n, 0), 1e-12);
            assertEquals(weights.getDouble(n, 0) * gradient.getDouble(n, 1), weightedGradient.getDouble(n, 1), 1e-12);
        }
    }

    @Test
    void refusesOutputsThatAreNotMeanAndLogSigma() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LossGaussianNll()
                .computeScoreArray(Nd4j.create(Y), Nd4j.create(new double[][] {{1}, {2}, {3}}), IDENTITY, null));
        assertTrue(e.getMessage().contains("2 units"), e.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, () -> new LossGaussianNll()
                .computeGradient(Nd4j.create(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}), Nd4j.create(OUT),
                        IDENTITY, null));
        assertTrue(labels.getMessage().contains("single response"), labels.getMessage());
    }
}
