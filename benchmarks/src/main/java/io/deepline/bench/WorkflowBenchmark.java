package io.deepline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code workflow}: where a user's wait goes in {@code bin/deepline train conf/examples/iris-mlp.yaml} and
 * {@code bin/deepline tune conf/examples/wine-tune.yaml} (also with {@code tune.parallelism: 2}), each run as its own
 * JVM exactly as the CLI runs: JVM and Spark start, read/check/split, the fit (before the first epoch, inside fits,
 * between fits, after the last), evaluation, save, report, exit; and the Spark jobs each phase starts.
 *
 * <p>With {@code -Ddeepline.workflow.baseline=<repository root of another build>} (bin/deepline-bench:
 * {@code DEEPLINE_BENCH_BASELINE}) the same commands also run on that build's jobs jar, alternating with this one,
 * so before/after figures come from one run on one machine. The phase table is written to
 * {@code benchmarks/results/latest-workflow-phases.md}, each run's stamped output to
 * {@code target/bench-workflow/<side><case>-<run>.log}.
 */
final class WorkflowBenchmark implements Benchmark {

    private record Case(String key, String command, String jobFile) {
    }

    @Override
    public String id() {
        return "workflow";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path root = context.root();
        String baselineProperty = System.getProperty("deepline.workflow.baseline", "");
        Path baseline = baselineProperty.isBlank() ? null : Path.of(baselineProperty).toAbsolutePath().normalize();
        List<Case> cases = List.of(new Case("TrainIris", "train", "conf/examples/iris-mlp.yaml"),
                new Case("TuneWine", "tune", "conf/examples/wine-tune.yaml"),
                new Case("TuneWineParallel2", "tune", parallel2(root).toString()));
        Map<String, List<WorkflowPhases>> measured = new LinkedHashMap<>();
        for (int r = 0; r < context.runs(); r++) {
            for (Case c : cases) {
                // Alternate which build goes first, so a slower moment of the machine does not favour one side.
                List<String> sides = baseline == null ? List.of("after")
                        : r % 2 == 0 ? List.of("before", "after") : List.of("after", "before");
                for (String side : sides) {
                    Path build = side.equals("before") ? baseline : root;
                    System.err.printf(Locale.ROOT, "workflow: %s %s (%s build), run %d%n", c.command(), c.jobFile(),
                            side, r + 1);
                    CliRun run = CliRun.run(build, root, c.command(), root.resolve(c.jobFile()),
                            root.resolve("target/bench-workflow/" + side + c.key() + "-" + (r + 1) + ".log"));
                    measured.computeIfAbsent(side + c.key(), k -> new ArrayList<>()).add(WorkflowPhases.of(run));
                }
            }
        }
        writePhaseTable(root.resolve("benchmarks/results/latest-workflow-phases.md"), measured);
        return figures(cases, measured, baseline != null);
    }

    private static List<Figure> figures(List<Case> cases, Map<String, List<WorkflowPhases>> measured,
                                        boolean withBaseline) {
        List<Figure> figures = new ArrayList<>();
        for (Case c : cases) {
            for (String side : withBaseline ? List.of("before", "after") : List.of("after")) {
                List<WorkflowPhases> runs = measured.get(side + c.key());
                Figure wall = Figure.of("workflow" + c.key() + "Seconds" + (side.equals("before") ? "Before" : ""),
                        "bin/deepline " + c.command() + " " + c.jobFile() + ", wall (" + side + ")", "s",
                        Stats.of(runs.stream().mapToDouble(WorkflowPhases::total).toArray()))
                        .withDetails(phaseDetails(runs.get(runs.size() - 1)));
                if (side.equals("after") && c.key().equals("TrainIris")) {
                    wall = wall.withTarget(Target.atMost(15));
                } else if (side.equals("after") && c.key().startsWith("TuneWine")) {
                    wall = wall.withTarget(Target.atMost(60));
                }
                figures.add(wall);
                if (c.command().equals("tune")) {
                    double[] gaps = runs.stream().mapToDouble(WorkflowPhases::medianGap).filter(g -> !Double.isNaN(g))
                            .toArray();
                    if (gaps.length > 0) {
                        Figure gap = Figure.of("workflow" + c.key() + "GapSeconds" + (side.equals("before") ? "Before"
                                : ""), "median time from one fit's end to the next fit's start (" + side + ")", "s",
                                Stats.of(gaps));
                        figures.add(side.equals("after") ? gap.withTarget(Target.atMost(1)) : gap);
                    }
                }
            }
            if (withBaseline) {
                List<WorkflowPhases> before = measured.get("before" + c.key());
                List<WorkflowPhases> after = measured.get("after" + c.key());
                double[] speedup = new double[before.size()];
                for (int i = 0; i < speedup.length; i++) {
                    speedup[i] = before.get(i).total() / after.get(i).total();
                }
                Figure ratio = Figure.of("workflow" + c.key() + "Speedup", "wall before / after, " + c.command() + " "
                        + c.jobFile(), "x", Stats.of(speedup));
                figures.add(c.key().startsWith("TuneWine") ? ratio.withTarget(Target.atLeast(4)) : ratio);
            }
        }
        return figures;
    }

    private static Map<String, String> phaseDetails(WorkflowPhases p) {
        Map<String, String> details = new LinkedHashMap<>();
        p.seconds().forEach((phase, s) -> details.put(phase, Figure.format(s) + " s, " + p.jobs().get(phase)
                + " jobs"));
        details.put("fits", Integer.toString(p.fits()));
        return details;
    }

    /** The tune example with {@code parallelism: 2} added to its tune section. */
    private static Path parallel2(Path root) throws IOException {
        String yaml = Files.readString(root.resolve("conf/examples/wine-tune.yaml"));
        if (!yaml.contains("\ntune:\n")) {
            throw new IllegalStateException("conf/examples/wine-tune.yaml has no 'tune:' line to add parallelism to");
        }
        Path file = root.resolve("target/bench-workflow/wine-tune-parallel2.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml.replace("\ntune:\n", "\ntune:\n  parallelism: 2\n")
                .replace("target/models/wine-tune", "target/models/wine-tune-parallel2"));
        return root.relativize(file);
    }

    /** Phase → seconds (Spark jobs) per build and case, each the last run's. */
    private static void writePhaseTable(Path file, Map<String, List<WorkflowPhases>> measured) throws IOException {
        StringBuilder md = new StringBuilder("| phase |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String column : measured.keySet()) {
            md.append(' ').append(column).append(" s (jobs) |");
            rule.append("---:|");
        }
        md.append('\n').append(rule).append('\n');
        for (String phase : WorkflowPhases.PHASES) {
            md.append("| ").append(phase).append(" |");
            for (List<WorkflowPhases> runs : measured.values()) {
                WorkflowPhases p = runs.get(runs.size() - 1);
                md.append(String.format(Locale.ROOT, " %.1f (%d) |", p.seconds().get(phase), p.jobs().get(phase)));
            }
            md.append('\n');
        }
        md.append("| **total** |");
        for (List<WorkflowPhases> runs : measured.values()) {
            WorkflowPhases p = runs.get(runs.size() - 1);
            md.append(String.format(Locale.ROOT, " **%.1f** (%d) |", p.total(),
                    p.jobs().values().stream().mapToInt(Integer::intValue).sum()));
        }
        md.append("\n| fits; median gap s |");
        for (List<WorkflowPhases> runs : measured.values()) {
            WorkflowPhases p = runs.get(runs.size() - 1);
            md.append(String.format(Locale.ROOT, " %d; %.2f |", p.fits(), p.medianGap()));
        }
        md.append('\n');
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        System.err.print(md);
    }
}
