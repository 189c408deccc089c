package io.deepline.bench.jmh;

import io.deepline.pipelines.core.data.LabelEncoder;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.VectorFloats;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows → mini-batch arrays: what {@code MiniBatches.build} does to each worker's partition after the repartition.
 * The rows are Spark Rows of (dense 784-pixel ml Vector, double label), as the benchmarks' MNIST frames hold them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowBatchingBench {

    static final int FEATURES = 784;
    static final int CLASSES = 10;
    static final int BATCH = 64;
    /** One worker's partition of the 8,000 MNIST training rows on 2 workers. */
    static final int PARTITION_ROWS = 4000;

    private List<Row> partition;
    private Vector oneRow;
    private float[] target;
    private Function2<Integer, Iterator<Row>, Iterator<MiniBatch>> batcher;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        partition = syntheticDigits(PARTITION_ROWS, 7);
        oneRow = (Vector) partition.get(0).get(0);
        target = new float[FEATURES];
        batcher = rowBatcher(BATCH, FEATURES, LabelEncoder.oneHot(CLASSES), 42L);
    }

    /**
     * The whole per-partition step, {@code RowBatcher.call}: every row's Vector copied to floats, its label one-hot
     * encoded, the partition shuffled and cut into batches of 64. Per row.
     */
    @Benchmark
    @OperationsPerInvocation(PARTITION_ROWS)
    public void partitionToMiniBatches(Blackhole sink) throws Exception {
        Iterator<MiniBatch> batches = batcher.call(0, partition.iterator());
        while (batches.hasNext()) {
            sink.consume(batches.next());
        }
    }

    /** Its innermost part alone: one dense 784-value Vector into a float array ({@code VectorFloats.copyInto}). */
    @Benchmark
    public float[] vectorToFloats() {
        VectorFloats.copyInto(oneRow, target, 0);
        return target;
    }

    /**
     * pipelines' RowBatcher is package-private (only MiniBatches, a Spark job, is public), so it is built here by
     * reflection, once, and called through its public Function2 interface: the timed code is the real class.
     */
    @SuppressWarnings("unchecked")
    static Function2<Integer, Iterator<Row>, Iterator<MiniBatch>> rowBatcher(int batchSize, int features,
            LabelEncoder labels, long seed) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName("io.deepline.pipelines.core.data.RowBatcher").getDeclaredConstructor(
                int.class, int.class, LabelEncoder.class, long.class, boolean.class, double.class);
        constructor.setAccessible(true);
        return (Function2<Integer, Iterator<Row>, Iterator<MiniBatch>>) constructor.newInstance(batchSize, features,
                labels, seed, false, 1.0);
    }

    /** MNIST-like rows: about 80 % zero pixels, the rest in (0, 1], labels 0..9 (the copy cost ignores values). */
    static List<Row> syntheticDigits(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            double[] pixels = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                pixels[j] = random.nextDouble() < 0.8 ? 0.0 : random.nextDouble();
            }
            out.add(RowFactory.create(Vectors.dense(pixels), (double) random.nextInt(CLASSES)));
        }
        return out;
    }
}
