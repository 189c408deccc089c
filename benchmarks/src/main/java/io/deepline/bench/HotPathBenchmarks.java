package io.deepline.bench;

import io.deepline.bench.jmh.MiniBatchToDataSetBench;
import io.deepline.bench.jmh.RoundAveragingBench;
import io.deepline.bench.jmh.RowBatchingBench;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Issue 10, item 7: JMH micro-benchmarks of the hot paths (rows → mini-batch arrays, mini-batch → INDArray, the
 * averaging aggregation), run through JMH's Runner in one forked JVM. The fork inherits this JVM's arguments
 * (JMH's default when no jvmArgs are given), so it gets conf/jvm17.opts' --add-opens and the heap settings of
 * bin/deepline-bench; its classpath is this JVM's. JMH's own log goes to stderr, the report to stdout.
 */
public final class HotPathBenchmarks implements Benchmark {

    static final List<JmhHotPath> HOT_PATHS = List.of(
            new JmhHotPath(RowBatchingBench.class, "partitionToMiniBatches", "jmhRowsToMiniBatchNsPerRow",
                    "rows → mini-batch arrays: pipelines' RowBatcher on one worker's 4,000-row partition (dense"
                            + " 784-pixel Vectors, one-hot labels, shuffle, batches of 64)", "ns/row", 1, 1),
            new JmhHotPath(RowBatchingBench.class, "vectorToFloats", "jmhVectorToFloatsNsPerRow",
                    "one dense 784-value ml Vector → floats (VectorFloats.copyInto), the inner step of the above",
                    "ns/row", 1, 1),
            new JmhHotPath(MiniBatchToDataSetBench.class, "toDataSet", "jmhMiniBatchToDataSetNsPerRow",
                    "mini-batch → INDArray: MiniBatch.toTransientDataSet (what fitOn runs) on a 64 × 784 batch with"
                            + " one-hot labels",
                    "ns/row", 1, 1),
            new JmhHotPath(RoundAveragingBench.class, "averageOneRound", "jmhRoundAveragingMicrosPerRound",
                    "averaging aggregation of one round: 2 workers' RoundSum.of + merge + average of params and"
                            + " Adam state (MLP 784-256-128-10: 235,146 params)", "µs/round", 1000,
                    RoundAveragingBench.ROWS_PER_ROUND));

    @Override
    public String id() {
        return "hotpaths";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        // The same warm-up in both modes: with 2 × 500 ms, --quick measured the row batcher before C2 had compiled
        // it (44 µs/row against 1.8 µs/row warm).
        int warmups = 3;
        TimeValue warmup = TimeValue.seconds(1);
        int measurements = context.quick() ? 3 : 5;
        TimeValue iteration = context.quick() ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        ChainedOptionsBuilder options = new OptionsBuilder().forks(1)
                .warmupIterations(warmups).warmupTime(warmup)
                .measurementIterations(measurements).measurementTime(iteration)
                .shouldFailOnError(true);
        for (JmhHotPath path : HOT_PATHS) {
            options.include("^" + Pattern.quote(path.benchmarkName()) + "$");
        }
        Collection<RunResult> results = new Runner(options.build(),
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
        Map<String, RunResult> byName = results.stream()
                .collect(Collectors.toMap(r -> r.getParams().getBenchmark(), Function.identity()));
        String protocol = String.format(Locale.ROOT, "1 fork, %d × %s warm-up, %d × %s measured", warmups, warmup,
                measurements, iteration);
        List<Figure> figures = new ArrayList<>();
        for (JmhHotPath path : HOT_PATHS) {
            RunResult result = byName.get(path.benchmarkName());
            if (result == null) {
                throw new IllegalStateException("JMH returned no result for " + path.benchmarkName()
                        + "; is it in META-INF/BenchmarkList of the benchmarks jar?");
            }
            figures.add(path.figure(result, protocol));
        }
        return figures;
    }
}
