package io.deepline.bench;

import java.util.List;

/** Placeholder: not written yet. */
public final class GemmEfficiency implements Benchmark {

    @Override
    public String id() {
        return "gemm";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        return List.of();
    }
}
