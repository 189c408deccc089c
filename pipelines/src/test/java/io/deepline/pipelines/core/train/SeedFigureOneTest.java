package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.OutputHead;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The course's Fig. 1 (§1.6): one-parameter logistic regression, 10 steps of full-batch gradient descent (eq. 14)
 * from w₀ = −1 with three step sizes, run through our trainer. Data: x ~ Uniform(−12, 12), y ~
 * Bernoulli(logistic(0.25·x)), 200 points, so the loss curvature makes α = 0.05 "suitable".
 */
@ExtendWith(SparkSessionExtension.class)
class SeedFigureOneTest {
    private static final int N = 200;

    /** 10 full-batch gradient-descent steps from w₀ = −1 with step size α, through our trainer. */
    private static TrainingResult descend(SparkSession spark, MiniBatch data, double alpha) {
        MlpSpec spec = MlpSpec.builder().hiddenLayers().fitIntercept(false).updater(UpdaterKind.SGD)
                .learningRate(alpha).seed(1).build();
        NetworkSnapshot start = NetworkSnapshot.of(spec.buildNetwork(1, OutputHead.bernoulli()))
                .withState(new float[] {-1f}, new float[0], 0, 0);
        return new ParameterAveragingTrainer(new TrainingSettings("fig1", 10, 1, 1), null)
                .train(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(data), 1), start);
    }

    /** The loss before each of the 10 steps, then the loss after the last one, minus the optimal loss. */
    private static double[] gaps(TrainingResult result, MiniBatch data, double optimalLoss) {
        double[] gaps = new double[11];
        for (int t = 0; t < 10; t++) {
            gaps[t] = result.history().epochs().get(t).loss() - optimalLoss;
        }
        gaps[10] = result.network().toNetwork().score(data.toDataSet()) - optimalLoss;
        return gaps;
    }

    @Test
    void stepSizesOfFigureOne(SparkSession spark) {
        Random random = new Random(11);
        float[] x = new float[N];
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (random.nextDouble() * 24 - 12);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-0.25 * x[i])) ? 1f : 0f;
        }
        MiniBatch data = new MiniBatch(N, 1, 1, x, y);
        double optimalLoss = minimumLoss(x, y);

        double[] slow = gaps(descend(spark, data, 0.02), data, optimalLoss);
        TrainingResult goodRun = descend(spark, data, 0.05);
        TrainingResult wildRun = descend(spark, data, 1.5);
        double[] good = gaps(goodRun, data, optimalLoss);
        double[] wild = gaps(wildRun, data, optimalLoss);

        for (int t = 1; t <= 10; t++) {
            assertTrue(slow[t] < slow[t - 1], "α = 0.02 descends steadily");
        }
        assertTrue(slow[10] > 0.05 * slow[0], "α = 0.02 ends far from the optimum: gap " + slow[10]);
        assertTrue(good[10] < 0.01 * good[0], "α = 0.05 ends near the optimum: gap " + good[10]);
        // α = 1.5 jumps over the minimum (w ≈ 0.25) far to the right, where the sigmoid saturates, the
        // gradient all but vanishes, and the loss stays high: the course's "flies off to the right-hand side".
        assertTrue(wild[10] > 0.1 * wild[0], "α = 1.5 does not converge: gaps " + java.util.Arrays.toString(wild));
        assertTrue(wildRun.network().params()[0] > 1.0, "α = 1.5 overshoots the optimum");
        assertTrue(Math.abs(goodRun.network().params()[0] - 0.25) < 0.1, "α = 0.05 lands near the optimum");
    }

    /** The minimum of the mean binary cross-entropy over w, by Newton's method in double precision. */
    private static double minimumLoss(float[] x, float[] y) {
        double w = 0;
        for (int it = 0; it < 50; it++) {
            double g = 0;
            double h = 0;
            for (int i = 0; i < N; i++) {
                double p = 1 / (1 + Math.exp(-w * x[i]));
                g += (p - y[i]) * x[i];
                h += p * (1 - p) * x[i] * x[i];
            }
            w -= g / h;
        }
        double loss = 0;
        for (int i = 0; i < N; i++) {
            double z = w * x[i];
            loss += y[i] * Math.log1p(Math.exp(-z)) + (1 - y[i]) * Math.log1p(Math.exp(z));
        }
        return loss / N;
    }
}
