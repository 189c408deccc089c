package io.deepline.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code bin/deepline-bench [--quick] [--runs N] [--only id,id] [--root DIR]}: runs the benchmarks, prints the table,
 * and writes {@code benchmarks/results/latest.md} and {@code latest.json} ({@code latest-<ids>.*} with {@code --only}).
 */
public final class BenchMain {

    private static final List<Benchmark> ALL = List.of(new TrainingComparison(), new MllibComparison(),
            new InferenceComparison(), new SequenceComparison(), new GemmEfficiency(), new ScalingBenchmark(),
            new HotPathBenchmarks(), new WorkflowBenchmark());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int runs = 3;
        Path root = Path.of(System.getProperty("deepline.root", "."));
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, "--runs"));
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                case "--only" -> only.addAll(Arrays.asList(value(args, ++i, "--only").split(",")));
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> fail("unknown argument '" + args[i] + "'");
            }
        }
        Set<String> ids = ALL.stream().map(Benchmark::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String id : only) {
            if (!ids.contains(id)) {
                fail("--only: no benchmark '" + id + "'; the ids are " + ids);
            }
        }
        List<Figure> figures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long start = System.nanoTime();
        try (BenchContext context = new BenchContext(quick, runs, root.toAbsolutePath().normalize())) {
            context.spark(); // started before any timing
            for (Benchmark benchmark : ALL) {
                if (only.isEmpty() || only.contains(benchmark.id())) {
                    System.err.printf(Locale.ROOT, "== %s (%d runs%s)%n", benchmark.id(), runs, quick ? ", quick" : "");
                    try {
                        figures.addAll(benchmark.run(context));
                    } catch (Exception | Error e) {
                        // One failed comparison must not cost the figures of the others (a full run takes ~20 min).
                        System.err.println("deepline-bench: " + benchmark.id() + " failed, no figures from it: " + e);
                        failed.add(benchmark.id());
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String command = "bin/deepline-bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
        BenchReport report = new BenchReport(figures, command, machine(), Instant.now(), seconds);
        System.out.print(report.markdown());
        // A partial run (--only) must not replace the full table: it writes latest-<ids>.{md,json} instead.
        String name = only.isEmpty() ? "latest" : "latest-" + String.join("-", only);
        report.write(root.resolve("benchmarks/results"), name);
        if (!failed.isEmpty()) {
            System.err.println("deepline-bench: failed: " + failed);
            System.exit(1);
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.arch");
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("deepline-bench: " + message + "\n" + usage());
        System.exit(2);
    }

    private static String usage() {
        return "usage: bin/deepline-bench [--quick] [--runs N (default 3)] [--only "
                + ALL.stream().map(Benchmark::id).collect(Collectors.joining(",")) + "]";
    }
}
