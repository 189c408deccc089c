package io.deepline.pipelines.core.train;

import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.bits;
import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.irisBatches;
import static io.deepline.pipelines.core.train.ParameterAveragingTrainerTest.rdd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.MlpSpec;
import io.deepline.models.spec.UpdaterKind;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A one-worker epoch on the driver against the same epoch as a Spark task. */
@ExtendWith(SparkSessionExtension.class)
class DriverEpochsTest {

    @Test
    void anEpochOnTheDriverEqualsTheSameEpochInATaskBitForBit(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<MiniBatch> batches = irisBatches(spark, 10);
        JavaRDD<MiniBatch> cached = rdd(spark, batches, 1);
        MlpSpec spec = MlpSpec.builder().hiddenLayers(new int[] {6}).activation(HiddenActivation.RELU).dropout(0.2)
                .updater(UpdaterKind.ADAM).learningRate(0.01).seed(3).build();
        NetworkSnapshot start = NetworkSnapshot.of(spec.buildNetwork(4, 3));
        // Dropout on, and averaging every 4 batches: the per-round RNG seeds and state re-application are compared too.
        EpochTask task = new EpochTask(UUID.randomUUID().toString(), "token", start, 1, 4, 11,
                new int[] {batches.size()}, null, null, true);

        BatchCounters inTaskCounts = BatchCounters.register(sc.sc(), "in task");
        BatchCounters onDriverCounts = BatchCounters.register(sc.sc(), "on driver");
        EpochResult inTask = CollectiveEpoch.run(sc, cached, task, inTaskCounts);
        EpochResult onDriver = DriverEpochs.of(sc, WorkerBatches.of(cached, true).collected(), null, onDriverCounts)
                .run(task);
        // The progress counters see the driver's mini-batches as they see a task's.
        assertEquals((long) batches.size(), (long) inTaskCounts.batches.value());
        assertEquals(inTaskCounts.batches.value(), onDriverCounts.batches.value());
        assertEquals(inTaskCounts.examples.value(), onDriverCounts.examples.value());

        assertArrayEquals(bits(inTask.state().params()), bits(onDriver.state().params()));
        assertArrayEquals(bits(inTask.state().updaterState()), bits(onDriver.state().updaterState()));
        assertEquals(inTask.state().iteration(), onDriver.state().iteration());
        assertEquals(inTask.lossSum(), onDriver.lossSum());
        assertEquals(inTask.startLoss(), onDriver.startLoss());
        assertEquals(150, onDriver.examples());
    }

    @Test
    void theCountingJobBringsOnlyOneSmallPartitionToTheDriver(SparkSession spark) {
        List<MiniBatch> batches = irisBatches(spark, 50);
        WorkerBatches one = WorkerBatches.of(rdd(spark, batches, 1), true);
        assertEquals(3, one.collected().size());
        assertEquals(150, one.rows());
        assertArrayEquals(new int[] {3}, one.perWorker());
        assertEquals(null, WorkerBatches.of(rdd(spark, batches, 1), false).collected());
        WorkerBatches two = WorkerBatches.of(rdd(spark, batches, 2), true);
        assertEquals(null, two.collected(), "two workers train in tasks");
        assertEquals(150, two.rows());
        int big = (int) WorkerChoice.ROWS_PER_WORKER + 1;
        MiniBatch large = new MiniBatch(big, 1, 1, new float[big], new float[big]);
        assertEquals(null, WorkerBatches.of(rdd(spark, List.of(large), 1), true).collected(), "too many rows");
    }

    @Test
    void onlyOneCollectiveWorkerOfSmallDataOnALocalMasterTrainsOnTheDriver(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        assertTrue(DriverEpochs.applies(sc, SyncMode.COLLECTIVE, 1, WorkerChoice.ROWS_PER_WORKER));
        assertFalse(DriverEpochs.applies(sc, SyncMode.COLLECTIVE, 1, WorkerChoice.ROWS_PER_WORKER + 1));
        assertFalse(DriverEpochs.applies(sc, SyncMode.COLLECTIVE, 2, 100));
        assertFalse(DriverEpochs.applies(sc, SyncMode.JOBS, 1, 100), "syncMode=jobs keeps its job per round");
    }
}
