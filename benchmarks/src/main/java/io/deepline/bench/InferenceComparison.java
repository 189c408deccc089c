package io.deepline.bench;

import java.util.List;

/** Placeholder: not written yet. */
public final class InferenceComparison implements Benchmark {

    @Override
    public String id() {
        return "inference";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        return List.of();
    }
}
