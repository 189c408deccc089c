package io.deepline.pipelines.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.LearningRateSchedule;
import io.deepline.models.spec.NetworkTraining;
import io.deepline.models.spec.ReconstructionKind;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.spec.VaeSpec;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.core.train.BatchOrder;
import io.deepline.pipelines.core.train.ParameterAveragingTrainer;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The VAE through our parameter-averaging trainer against plain single-JVM DL4J: one worker, several averaging
 * rounds per epoch (each restarting the worker from the broadcast snapshot), equals {@code pretrainLayer} on the
 * same batches in the same order with the same Adam, whose state DL4J keeps in the layer's own Solver. This holds
 * only if the Adam moments and the iteration counter survive every round through the snapshot.
 */
@ExtendWith(SparkSessionExtension.class)
class VaeAveragingGoldenTest {

    @Test
    void oneWorkerOverSeveralRoundsEqualsDl4jPretrainLayerWithTheSameAdam(SparkSession spark) {
        // Binary "images": each row switches on the pixels of one of four random prototypes, with 10% flips.
        Random random = new Random(4);
        boolean[][] prototypes = new boolean[4][64];
        for (boolean[] p : prototypes) {
            for (int j = 0; j < 64; j++) {
                p[j] = random.nextBoolean();
            }
        }
        List<ElboBatch> batches = new ArrayList<>();
        List<float[]> arrays = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            float[] x = new float[20 * 64];
            for (int i = 0; i < 20; i++) {
                boolean[] p = prototypes[random.nextInt(4)];
                for (int j = 0; j < 64; j++) {
                    x[i * 64 + j] = p[j] ^ random.nextDouble() < 0.1 ? 1f : 0f;
                }
            }
            batches.add(new ElboBatch(20, 64, x));
            arrays.add(x);
        }
        VaeSpec spec = new VaeSpec(new int[] {32}, new int[] {32}, 4, HiddenActivation.RELU,
                ReconstructionKind.BERNOULLI, 1, new NetworkTraining(WeightInitScheme.AUTO, 1e-4, UpdaterKind.ADAM,
                5e-3, 0.9, LearningRateSchedule.NONE, 11));
        NetworkSnapshot initial = spec.initialState(64);
        int epochs = 2;
        int frequency = 3;
        long seed = 21;

        TrainingResult distributed = new ParameterAveragingTrainer(
                new TrainingSettings("vae-golden", epochs, frequency, seed), null)
                .train(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(batches, 1).cache(), initial);
        MultiLayerNetwork plain = initial.toNetwork();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = BatchOrder.forEpoch(batches.size(), seed, epoch, 0);
            for (int i = 0; i < order.length; i++) {
                if (i % frequency == 0) {
                    // The worker seeds ND4J's RNG (the ELBO's draws of ε) at the start of every round.
                    Nd4j.getRandom().setSeed(Shuffles.mix(seed, epoch, i / frequency, 0));
                }
                plain.pretrainLayer(0, Nd4j.create(arrays.get(order[i]), new long[] {20, 64}, 'c'));
            }
        }
        float[] expected = NetworkSnapshot.paramsOf(plain);
        float[] actual = distributed.network().params();
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max < 1e-5, "params differ from plain DL4J by up to " + max);
        assertEquals(epochs * batches.size(), distributed.network().iteration());
        double moved = 0;
        for (int i = 0; i < expected.length; i++) {
            moved = Math.max(moved, Math.abs(initial.params()[i] - actual[i]));
        }
        assertTrue(moved > 1e-2, "training must move the params: " + moved);
    }
}
