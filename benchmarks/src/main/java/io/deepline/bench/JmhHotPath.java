package io.deepline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * One JMH benchmark method and the figure it becomes. Its JMH score is in ns per operation, where an operation is
 * what the method's {@code @OperationsPerInvocation} counts (a row, or a round); {@code nanosPerUnit} converts it
 * to the figure's unit. {@code rowsPerUnit} > 1 also reports the cost spread over the rows one unit trains.
 */
record JmhHotPath(Class<?> benchmarkClass, String method, String key, String description, String unit,
                  double nanosPerUnit, int rowsPerUnit) {

    /** JMH's name for the method, as in {@code RunResult.getParams().getBenchmark()}. */
    String benchmarkName() {
        return benchmarkClass.getName() + "." + method;
    }

    /** The figure of this method's run: stats over the measurement iterations' scores (one fork). */
    Figure figure(RunResult result, String protocol) {
        String scoreUnit = result.getPrimaryResult().getScoreUnit();
        if (!"ns/op".equals(scoreUnit)) {
            throw new IllegalStateException(benchmarkName() + " scored in " + scoreUnit + ", not ns/op");
        }
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore() / nanosPerUnit);
            }
        }
        Stats stats = Stats.of(scores.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("JMH", protocol + "; stats over the measurement iterations");
        if (rowsPerUnit > 1) {
            details.put(String.format(Locale.ROOT, "ns per trained row (%d a round)", rowsPerUnit),
                    Figure.format(stats.median() * nanosPerUnit / rowsPerUnit));
        }
        return Figure.of(key, description, unit, stats).withDetails(details);
    }
}
