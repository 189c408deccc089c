package io.deepline.bench;

import java.util.List;

/** Placeholder: not written yet. */
public final class HotPathBenchmarks implements Benchmark {

    @Override
    public String id() {
        return "hotpaths";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        return List.of();
    }
}
