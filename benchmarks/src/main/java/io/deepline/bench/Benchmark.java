package io.deepline.bench;

import java.util.List;

/** One comparison or group of micro-benchmarks, run by {@link BenchMain}. */
public interface Benchmark {

    /** Short id for {@code --only} (e.g. "training"). */
    String id();

    /** Runs it ({@code context.runs()} repetitions, alternating the sides being compared) and returns its figures. */
    List<Figure> run(BenchContext context) throws Exception;
}
