package io.deepline.pipelines.core.device;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's op threads follow the running task's CPUs ({@code spark.task.cpus}, 1 in the tests' local[2] session), on
 * real Spark tasks; the driver's setting is left alone outside tasks.
 */
@ExtendWith(SparkSessionExtension.class)
class TaskCpuThreadsTest {
    private int masterThreads;
    private int blasThreads;

    @BeforeEach
    void remember() {
        masterThreads = Nd4j.getEnvironment().maxMasterThreads();
        blasThreads = Nd4j.factory().blas().getMaxThreads();
    }

    @AfterEach
    void restore() {
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
    }

    private static List<Integer> opThreads() {
        return List.of(Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads());
    }

    @Test
    void aTaskRunsItsOpsOnTheCpusSparkGaveIt(SparkSession spark) {
        TaskCpuThreads.limitTo(2); // as a driver-side DL4J fit on two cores would leave it
        List<Integer> seen = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2, 3, 4), 2)
                .mapPartitions(rows -> {
                    int limit = TaskCpuThreads.limitCurrentTask();
                    List<Integer> threads = opThreads();
                    return List.of(limit, threads.get(0), threads.get(1)).iterator();
                })
                .collect();
        assertEquals(List.of(1, 1, 1, 1, 1, 1), seen, "each task: its limit, ND4J's master threads, BLAS threads");
    }

    @Test
    void theDriverIsNoTaskAndKeepsItsSetting() {
        TaskCpuThreads.limitTo(2);
        assertEquals(0, TaskCpuThreads.limitCurrentTask());
        assertEquals(List.of(2, 2), opThreads());
    }

    @Test
    void aFitsTrainingTasksLimitTheirThreads(SparkSession spark) {
        TaskCpuThreads.limitTo(2);
        new DeepClassifier().setHiddenLayers(new int[] {4}).setMaxEpochs(1).setNumWorkers(2)
                .fit(DataSamples.iris(spark));
        // The tasks ran in this JVM, and ND4J keeps one setting per process: the fit's tasks left theirs.
        assertEquals(List.of(1, 1), opThreads());
    }

    @Test
    void aCountBelowOneIsRefusedNamingTheSetting() {
        TaskCpuThreads.limitTo(1);
        assertEquals(List.of(1, 1), opThreads());
        assertFailsNaming(IllegalArgumentException.class, () -> TaskCpuThreads.limitTo(0), "got 0",
                "spark.task.cpus");
    }
}
