package io.deepline.pipelines.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Small data without numWorkers: one worker, trained on the driver, the same model as numWorkers=1. */
@ExtendWith(SparkSessionExtension.class)
class DeepClassifierSmallDataTest {
    private static final int EPOCHS = 12;

    private static DeepClassifier classifier() {
        return new DeepClassifier().setHiddenLayers(new int[] {8}).setMaxEpochs(EPOCHS).setBatchSize(16)
                .setLearningRate(0.01).setSeed(5);
    }

    @Test
    void smallDataWithoutNumWorkersTrainsOneWorkerWithoutAJobPerEpoch(SparkSession spark) throws Exception {
        Dataset<Row> iris = DataSamples.iris(spark).cache();
        iris.count();
        assertTrue(spark.sparkContext().defaultParallelism() > 1, "the session's default would be several workers");

        JobCounter jobs = JobCounter.on(spark.sparkContext());
        DeepClassificationModel auto = classifier().fit(iris);
        int fitJobs = jobs.stop();
        DeepClassificationModel one = classifier().setNumWorkers(1).fit(iris);
        DeepClassificationModel two = classifier().setNumWorkers(2).fit(iris);

        assertEquals(1, auto.fittedNetwork().provenance().numWorkers());
        assertTrue(fitJobs < EPOCHS, "the epochs run on the driver, not as " + fitJobs + " Spark jobs");
        assertArrayEquals(auto.fittedNetwork().snapshot().params(), one.fittedNetwork().snapshot().params(),
                "one worker chosen for small data is the same fit as numWorkers=1");
        assertEquals(2, two.fittedNetwork().provenance().numWorkers(), "an explicit numWorkers is honoured");
        assertFalse(Arrays.equals(auto.fittedNetwork().snapshot().params(), two.fittedNetwork().snapshot().params()));
    }

    /** Counts the Spark jobs started between {@link #on} and {@link #stop}. */
    private static final class JobCounter extends SparkListener {
        private static final String SENTINEL = "deepline job counter sentinel";
        private final SparkContext sc;
        private final AtomicInteger started = new AtomicInteger();
        private volatile boolean sentinelSeen;

        private JobCounter(SparkContext sc) {
            this.sc = sc;
        }

        static JobCounter on(SparkContext sc) {
            JobCounter counter = new JobCounter(sc);
            sc.addSparkListener(counter);
            return counter;
        }

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            String description = start.properties() == null ? null
                    : start.properties().getProperty("spark.job.description");
            if (SENTINEL.equals(description)) {
                sentinelSeen = true;
            } else if (!sentinelSeen) {
                started.incrementAndGet();
            }
        }

        /**
         * The count once every earlier job's event has arrived: the listener bus delivers in order, so that is when
         * a last, marked job's start arrives.
         */
        int stop() throws InterruptedException {
            sc.setJobDescription(SENTINEL);
            org.apache.spark.api.java.JavaSparkContext.fromSparkContext(sc).parallelize(List.of(1), 1).count();
            sc.setJobDescription(null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!sentinelSeen && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            sc.removeSparkListener(this);
            assertTrue(sentinelSeen, "the listener bus delivered the sentinel job");
            return started.get();
        }
    }
}
