package io.deepline.bench.jmh;

import io.deepline.pipelines.core.data.MiniBatch;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.dataset.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mini-batch → INDArray: {@code MiniBatch.toTransientDataSet}, which every worker runs on each cached batch before
 * {@code fit} (its {@code fitOn}) and each validation batch: the float arrays are copied into the thread's reused
 * off-heap arrays. ({@code toDataSet}, which allocates new ones, measured 5,000–15,000 ns/row here.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MiniBatchToDataSetBench {

    private MiniBatch batch;

    @Setup
    public void setUp() {
        int rows = RowBatchingBench.BATCH;
        int features = RowBatchingBench.FEATURES;
        int classes = RowBatchingBench.CLASSES;
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        float[] y = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            y[r * classes + random.nextInt(classes)] = 1f;
        }
        batch = new MiniBatch(rows, features, classes, x, y);
    }

    /** One 64-row batch, per row. */
    @Benchmark
    @OperationsPerInvocation(RowBatchingBench.BATCH)
    public DataSet toDataSet() {
        return batch.toTransientDataSet();
    }
}
