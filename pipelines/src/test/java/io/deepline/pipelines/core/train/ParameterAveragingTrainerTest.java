package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.dataset.DataSet;

/** Our parameter averaging against plain single-JVM DL4J training. */
@ExtendWith(SparkSessionExtension.class)
class ParameterAveragingTrainerTest {

    /** Iris rows (standardised) cut into mini-batches of {@code size}, in file order. */
    static List<MiniBatch> irisBatches(SparkSession spark, int size) {
        List<Row> rows = DataSamples.iris(spark).collectAsList();
        List<MiniBatch> batches = new ArrayList<>();
        for (int start = 0; start + size <= rows.size(); start += size) {
            float[] x = new float[size * 4];
            float[] y = new float[size * 3];
            for (int i = 0; i < size; i++) {
                double[] f = ((Vector) rows.get(start + i).get(0)).toArray();
                for (int j = 0; j < 4; j++) {
                    x[i * 4 + j] = (float) f[j];
                }
                y[i * 3 + (int) rows.get(start + i).getDouble(1)] = 1f;
            }
            batches.add(new MiniBatch(size, 4, 3, x, y));
        }
        return batches;
    }

    static JavaRDD<MiniBatch> rdd(SparkSession spark, List<MiniBatch> batches, int partitions) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(batches, partitions).cache();
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @Test
    void oneWorkerIsBitIdenticalToPlainDl4jFitOnTheSameBatchesInTheSameOrder(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 15);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(new int[] {8, 6}).activation(HiddenActivation.RELU).dropout(0.0).l2(1e-4).updater(UpdaterKind.ADAM).learningRate(0.01).seed(5).build();
        NetworkSnapshot initial = NetworkSnapshot.of(spec.buildNetwork(4, 3));
        int epochs = 3;
        long seed = 99;

        TrainingResult distributed = new ParameterAveragingTrainer(
                new TrainingSettings("golden", epochs, 3, seed), null).train(rdd(spark, batches, 1), initial);

        MultiLayerNetwork plain = initial.toNetwork();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int index : BatchOrder.forEpoch(batches.size(), seed, epoch, 0)) {
                plain.fit(batches.get(index).toDataSet());
            }
        }
        assertArrayEquals(bits(NetworkSnapshot.paramsOf(plain)), bits(distributed.network().params()),
                "params must be bit-identical");
        assertArrayEquals(bits(NetworkSnapshot.updaterStateOf(plain)), bits(distributed.network().updaterState()),
                "Adam state must be bit-identical");
        assertEquals(plain.getIterationCount(), distributed.network().iteration());
        assertEquals(epochs, distributed.history().numEpochs());
    }

    /** The same golden property for a ComputationGraph (a residual network): one code path serves both. */
    @Test
    void oneWorkerIsBitIdenticalToPlainDl4jForResidualGraphsToo(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 25);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(6, 6, 4).activation(HiddenActivation.TANH).residual(true)
                .updater(UpdaterKind.ADAM).learningRate(0.01).seed(2).build();
        NetworkSnapshot initial = spec.initialState(4, io.deepline.models.spec.OutputHead.categorical(3));
        TrainingResult distributed = new ParameterAveragingTrainer(new TrainingSettings("golden-graph", 2, 2, 5), null)
                .train(rdd(spark, batches, 1), initial);
        io.deepline.models.state.Network plain = initial.restore();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int index : BatchOrder.forEpoch(batches.size(), 5, epoch, 0)) {
                plain.fit(batches.get(index).toDataSet());
            }
        }
        assertArrayEquals(bits(NetworkSnapshot.paramsOf(plain)), bits(distributed.network().params()));
        assertArrayEquals(bits(NetworkSnapshot.updaterStateOf(plain)), bits(distributed.network().updaterState()));
    }

    /**
     * Preconditions under which averaging equals one big-batch step exactly (up to float round-off): plain SGD
     * (stateless, update linear in the gradient), a loss averaged over the mini-batch (DL4J's default), equal
     * batch sizes, no dropout or L2, and one step per worker per average (averagingFrequency 1).
     */
    @Test
    void twoWorkersWithSgdAndFrequencyOneEqualOneStepOnTheConcatenatedBatch(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 16).subList(2, 4);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(new int[] {10}).activation(HiddenActivation.TANH).dropout(0.0).l2(0.0).updater(UpdaterKind.SGD).learningRate(0.5).seed(8).build();
        NetworkSnapshot initial = NetworkSnapshot.of(spec.buildNetwork(4, 3));

        TrainingResult averaged = new ParameterAveragingTrainer(
                new TrainingSettings("averaging", 1, 1, 1), null).train(rdd(spark, batches, 2), initial);

        MultiLayerNetwork single = initial.toNetwork();
        single.fit(DataSet.merge(List.of(batches.get(0).toDataSet(), batches.get(1).toDataSet())));
        float[] expected = NetworkSnapshot.paramsOf(single);
        float[] actual = averaged.network().params();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "param " + i);
        }
        assertTrue(maxAbsDifference(initial.params(), actual) > 1e-3, "the step must actually move the params");
    }

    /**
     * The optimizer state is averaged with the params: heavy-ball momentum's V is linear in the gradient, so with
     * two workers on equal batches, averaging every step reproduces momentum on the concatenated batch, step after
     * step (this fails if V were reset or kept per worker).
     */
    @Test
    void averagedMomentumStateMatchesMomentumOnTheConcatenatedBatch(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 16).subList(4, 6);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(6).activation(HiddenActivation.TANH)
                .updater(UpdaterKind.MOMENTUM).learningRate(0.2).momentum(0.9).seed(3).build();
        NetworkSnapshot initial = NetworkSnapshot.of(spec.buildNetwork(4, 3));

        TrainingResult averaged = new ParameterAveragingTrainer(
                new TrainingSettings("momentum", 4, 1, 1), null).train(rdd(spark, batches, 2), initial);

        MultiLayerNetwork single = initial.toNetwork();
        DataSet both = DataSet.merge(List.of(batches.get(0).toDataSet(), batches.get(1).toDataSet()));
        for (int step = 0; step < 4; step++) {
            single.fit(both);
        }
        float[] expected = NetworkSnapshot.paramsOf(single);
        float[] velocity = NetworkSnapshot.updaterStateOf(single);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], averaged.network().params()[i], 1e-5, "param " + i);
            assertEquals(velocity[i], averaged.network().updaterState()[i], 1e-5, "velocity " + i);
        }
    }

    @Test
    void workersWithoutBatchesLeftContributeNothing(SparkSession spark) {
        // Partition 0 gets three batches, partition 1 one: in rounds 2 and 3 only worker 0 trains.
        List<MiniBatch> all = irisBatches(spark, 10).subList(0, 4);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(new int[] {5}).activation(HiddenActivation.SIGMOID).dropout(0.0).l2(0.0).updater(UpdaterKind.SGD).learningRate(0.3).seed(2).build();
        NetworkSnapshot initial = NetworkSnapshot.of(spec.buildNetwork(4, 3));
        long seed = 4;
        JavaRDD<MiniBatch> uneven = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(List.of(all.get(0), all.get(1), all.get(2)), List.of(all.get(3))), 2)
                .flatMap(List::iterator).cache();

        TrainingResult result = new ParameterAveragingTrainer(new TrainingSettings("uneven", 1, 1, seed), null)
                .train(uneven, initial);

        int[] order0 = BatchOrder.forEpoch(3, seed, 0, 0);
        MultiLayerNetwork w0 = initial.toNetwork();
        MultiLayerNetwork w1 = initial.toNetwork();
        w0.fit(all.get(order0[0]).toDataSet());
        w1.fit(all.get(3).toDataSet());
        float[] p0 = NetworkSnapshot.paramsOf(w0);
        float[] p1 = NetworkSnapshot.paramsOf(w1);
        float[] mean = new float[p0.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (((double) p0[i] + p1[i]) / 2);
        }
        MultiLayerNetwork alone = initial.withState(mean, new float[0], 1, 0).toNetwork();
        alone.fit(all.get(order0[1]).toDataSet());
        alone.fit(all.get(order0[2]).toDataSet());
        assertArrayEquals(NetworkSnapshot.paramsOf(alone), result.network().params(), 1e-6f);
        assertEquals(3, result.network().iteration(), "the counter advances by the busiest worker's batches");
        assertEquals(40, result.history().epochs().get(0).examples());
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
