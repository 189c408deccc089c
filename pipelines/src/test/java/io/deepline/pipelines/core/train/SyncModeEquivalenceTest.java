package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.bits;
import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.irisBatches;
import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.rdd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.OutputHead;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.collective.CollectiveSettings;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The collective sync mode (one barrier stage per epoch, workers averaging over sockets) and the jobs mode (one
 * Spark job per round, averaged on the driver) give the same params, optimizer state, counters and losses bit for
 * bit, on uneven partitions (some workers run out of batches before others).
 */
@ExtendWith(SparkSessionExtension.class)
class SyncModeEquivalenceTest {

    @Test
    void anMlpWithDropoutTrainsIdenticallyInBothModesOnTwoAndThreeWorkers(SparkSession spark) {
        // 14 batches of 10: 7 + 7 on two workers; 4 + 5 + 5 on three. Frequency 2: the last round of the
        // three-worker epoch has one worker without a batch.
        List<MiniBatch> batches = irisBatches(spark, 10).subList(0, 14);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(8, 6).activation(HiddenActivation.RELU).dropout(0.2)
                .updater(UpdaterKind.ADAM).learningRate(0.01).seed(3).build();
        NetworkSnapshot initial = spec.initialState(4, OutputHead.categorical(3));
        for (int workers : new int[] {2, 3}) {
            JavaRDD<MiniBatch> rdd = rdd(spark, batches, workers);
            assertSameTraining(rdd, initial, "mlp on " + workers + " workers");
            rdd.unpersist(false);
        }
    }

    @Test
    void aResidualGraphTrainsIdenticallyInBothModes(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 15).subList(0, 7);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(6, 6).activation(HiddenActivation.TANH).residual(true)
                .updater(UpdaterKind.ADAM).learningRate(0.01).seed(2).build();
        NetworkSnapshot initial = spec.initialState(4, OutputHead.categorical(3));
        JavaRDD<MiniBatch> rdd = rdd(spark, batches, 3);
        assertSameTraining(rdd, initial, "residual graph on 3 workers");
        rdd.unpersist(false);
    }

    @Test
    void aRecurrentNetworkTrainsIdenticallyInBothModes(SparkSession spark) {
        List<SequenceBatch> batches = SequenceTrainingTest.raggedBatches(5);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Adam(0.01)).list()
                .layer(new LSTM.Builder().nIn(1).nOut(3).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).nIn(3).nOut(1)
                        .build())
                .build());
        net.init();
        JavaRDD<SequenceBatch> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(batches, 2).cache();
        assertSameTraining(rdd, NetworkSnapshot.of(net), "LSTM on 2 workers");
        rdd.unpersist(false);
    }

    /**
     * A collective epoch that fails every time (the port range has two ports: the test holds one, the driver's
     * rendezvous takes the other, so no task can listen) is rerun maxEpochRetries times; then the fit goes on in
     * jobs mode and gives the jobs mode's params.
     */
    @Test
    void anEpochThatKeepsFailingIsRetriedThenTheFitFallsBackToJobs(SparkSession spark) throws IOException {
        List<MiniBatch> batches = irisBatches(spark, 15).subList(0, 6);
        NetworkSnapshot initial = MlpSpec.builder().hiddenLayers(5).seed(4).build()
                .initialState(4, OutputHead.categorical(3));
        JavaRDD<MiniBatch> rdd = rdd(spark, batches, 2);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TrainingSettings collective = new TrainingSettings("retried", 2, 2, 11, ValidationMetric.ACCURACY, 0, 0.0,
                CheckpointSettings.OFF, DivergenceGuard.OFF, new SyncSettings(SyncMode.COLLECTIVE, 1));
        try (ServerSocket taken = portBelowAFreeOne()) {
            sc.setLocalProperty(CollectiveSettings.PORTS_KEY, taken.getLocalPort() + "-" + (taken.getLocalPort() + 1));
            TrainingResult fellBack = new ParameterAveragingTrainer(collective, null).train(rdd, initial);
            sc.setLocalProperty(CollectiveSettings.PORTS_KEY, null);
            TrainingResult jobs = new ParameterAveragingTrainer(collective.withSyncMode(SyncMode.JOBS), null)
                    .train(rdd, initial);
            assertArrayEquals(bits(jobs.network().params()), bits(fellBack.network().params()));
            assertEquals(2, fellBack.history().numEpochs());
        } finally {
            sc.setLocalProperty(CollectiveSettings.PORTS_KEY, null);
            rdd.unpersist(false);
        }
    }

    /** A listening socket on a port whose next port is free. */
    private static ServerSocket portBelowAFreeOne() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            try (ServerSocket next = new ServerSocket(taken.getLocalPort() + 1, 1, InetAddress.getByName("127.0.0.1"))) {
                return taken;
            } catch (IOException busy) {
                taken.close();
            }
        }
        throw new IllegalStateException("found no two adjacent free ports on 127.0.0.1");
    }

    private static <B extends TrainingBatch> void assertSameTraining(JavaRDD<B> rdd, NetworkSnapshot initial,
                                                                     String what) {
        TrainingSettings settings = new TrainingSettings("sync-" + what, 2, 2, 11);
        TrainingResult jobs = new ParameterAveragingTrainer(settings.withSyncMode(SyncMode.JOBS), null)
                .train(rdd, initial);
        TrainingResult collective = new ParameterAveragingTrainer(settings.withSyncMode(SyncMode.COLLECTIVE), null)
                .train(rdd, initial);
        assertArrayEquals(bits(jobs.network().params()), bits(collective.network().params()), what + ": params");
        assertArrayEquals(bits(jobs.network().updaterState()), bits(collective.network().updaterState()),
                what + ": optimizer state");
        assertEquals(jobs.network().iteration(), collective.network().iteration(), what + ": iteration");
        assertEquals(jobs.network().epoch(), collective.network().epoch(), what + ": epoch");
        for (int e = 0; e < 2; e++) {
            EpochStats j = jobs.history().epochs().get(e);
            EpochStats c = collective.history().epochs().get(e);
            assertEquals(j.loss(), c.loss(), 0.0, what + ": loss of epoch " + (e + 1));
            assertEquals(j.examples(), c.examples(), what + ": examples of epoch " + (e + 1));
        }
    }
}
