package io.deepline.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.models.testing.DoubleDefaults;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Measures the factor between the Gaussian head's loss (DL4J's MSE) and the course's squared error summed over the
 * K outputs (§4.5.1, the vectorised loss; eq. 23 for K = 1): DL4J divides a row's loss and its gradient with respect
 * to the outputs by K. For K = 1 the two agree; for K = 3 DL4J's gradient is a third of the course's, which under
 * plain SGD is a learning rate of α/3. {@link OutputHead#loss()} documents this.
 */
@ExtendWith(DoubleDefaults.class)
class MultiOutputGaussianLossTest {
    private static final double[] RESIDUALS = {0.5, -1.25, 2.0};

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void dl4jDividesTheSquaredErrorAndItsGradientByTheNumberOfOutputs(int k) {
        INDArray predicted = Nd4j.create(new double[][] {java.util.Arrays.copyOf(RESIDUALS, k)});
        INDArray labels = Nd4j.zeros(predicted.dataType(), 1, k);
        ILossFunction loss = OutputHead.gaussian(k).loss();
        INDArray gradient = loss.computeGradient(labels, predicted.dup(), Activation.IDENTITY.getActivationFunction(),
                null);
        double score = loss.computeScore(labels, predicted.dup(), Activation.IDENTITY.getActivationFunction(), null,
                true);
        double courseScore = 0;
        for (int j = 0; j < k; j++) {
            double r = RESIDUALS[j];
            courseScore += r * r;                                       // Σ_k (ŷ_k − y_k)²
            assertEquals(2 * r / k, gradient.getDouble(0, j), 1e-12);  // the course's gradient 2(ŷ − y), divided by K
        }
        assertEquals(courseScore / k, score, 1e-12);
    }
}
