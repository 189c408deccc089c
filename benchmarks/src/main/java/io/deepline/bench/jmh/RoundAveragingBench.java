package io.deepline.bench.jmh;

import io.deepline.bench.MlpSettings;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.train.RoundSum;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The averaging aggregation of one round, for the issue's MLP (784-256-128-10, 235,146 params and Adam's 470,292
 * state values) on 2 workers: each worker's {@code RoundSum.of} (floats → doubles), the {@code merge} that
 * treeAggregate applies, and the driver's two averages. Java serialization of the sums between tasks is not in it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoundAveragingBench {

    /** The issue's setting: 2 workers, each fitting 5 batches of 64 per round. */
    public static final int WORKERS = 2;
    public static final int ROWS_PER_ROUND = WORKERS * 5 * 64;

    private float[][] params;
    private float[][] updaterState;

    /** Real vectors: the spec's network after one Adam step, so the optimizer state exists and has its real size. */
    @Setup
    public void setUp() {
        MultiLayerNetwork net = MlpSettings.issueDefaults(1).network();
        float[][] labels = new float[64][10];
        for (int r = 0; r < labels.length; r++) {
            labels[r][r % 10] = 1f;
        }
        net.fit(Nd4j.rand(DataType.FLOAT, 64, 784), Nd4j.create(labels));
        params = new float[WORKERS][];
        updaterState = new float[WORKERS][];
        for (int w = 0; w < WORKERS; w++) {
            params[w] = NetworkSnapshot.paramsOf(net);
            updaterState[w] = NetworkSnapshot.updaterStateOf(net);
        }
    }

    /** One round's aggregation, per round. */
    @Benchmark
    public void averageOneRound(Blackhole sink) {
        RoundSum sum = RoundSum.empty();
        for (int w = 0; w < WORKERS; w++) {
            sum = sum.merge(RoundSum.of(params[w], updaterState[w], 0.5, 0.1, 5, 320));
        }
        sink.consume(sum.averageParams());
        sink.consume(sum.averageUpdaterState());
    }
}
