package io.deepline.bench;

import java.util.List;

/** Placeholder: not written yet. */
public final class MllibComparison implements Benchmark {

    @Override
    public String id() {
        return "mllib";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        return List.of();
    }
}
