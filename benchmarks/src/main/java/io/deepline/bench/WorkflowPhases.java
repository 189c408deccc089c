package io.deepline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases of one {@code train} or {@code tune} run, read off its stamped log lines: where each phase starts is a
 * log line every Deepline version writes ("Reading", "Training … on", "Trained in", "Test metrics", "Saved the
 * model", "Wrote the report"), so the same parser times today's jar and an older one. Inside the fit phase the
 * epoch lines give each fit (a fit starts when its epoch 1 ends minus that epoch's seconds) and the gaps between
 * consecutive fits.
 *
 * @param seconds   phase → seconds, in run order
 * @param jobs      phase → Spark jobs started in it
 * @param fits      fits of a network (fold fits and refits)
 * @param fitSeconds seconds inside fits (first epoch start to last epoch end), summed
 * @param gaps      seconds from one fit's last epoch to the next fit's start, for fits that did not overlap
 */
record WorkflowPhases(Map<String, Double> seconds, Map<String, Integer> jobs, int fits, double fitSeconds,
                      double[] gaps) {

    static final List<String> PHASES = List.of("JVM + Spark start", "read, check, split", "fit: before 1st epoch",
            "fit: fits", "fit: between fits", "fit: after last fit", "evaluate", "save", "report", "exit");

    private static final Pattern EPOCH = Pattern.compile(
            "- (.*?)\\s*\\w+ epoch (\\d+)/(\\d+): loss \\S+, ([0-9.]+) s,");

    static WorkflowPhases of(CliRun run) {
        double read = at(run, "- Reading ");
        double fitStart = at(run, "- Training \\S+ on \\d+ rows");
        double fitEnd = at(run, "- Trained in ");
        double tested = at(run, "- Test metrics ");
        double saved = at(run, "- Saved the model ");
        double reported = at(run, "- Wrote the report ");

        List<double[]> spans = fitSpans(run);
        double firstFit = spans.isEmpty() ? fitEnd : spans.get(0)[0];
        double lastFit = spans.isEmpty() ? fitEnd : spans.stream().mapToDouble(s -> s[1]).max().orElseThrow();
        double inFits = spans.stream().mapToDouble(s -> s[1] - s[0]).sum();
        List<Double> gaps = new ArrayList<>();
        double covered = 0; // the union of the fits' spans: with concurrent fits, time in any fit
        double end = Double.NEGATIVE_INFINITY;
        for (double[] s : spans) {
            if (s[0] >= end && end > Double.NEGATIVE_INFINITY) {
                gaps.add(s[0] - end);
            }
            covered += Math.max(0, s[1] - Math.max(s[0], end));
            end = Math.max(end, s[1]);
        }
        double between = Math.max(0, lastFit - firstFit - covered);

        double[] bounds = {0, read, fitStart, firstFit, lastFit, fitEnd, tested, saved, reported, run.wall()};
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put(PHASES.get(0), read);
        seconds.put(PHASES.get(1), fitStart - read);
        seconds.put(PHASES.get(2), firstFit - fitStart);
        seconds.put(PHASES.get(3), covered);
        seconds.put(PHASES.get(4), between);
        seconds.put(PHASES.get(5), fitEnd - lastFit);
        seconds.put(PHASES.get(6), tested - fitEnd);
        seconds.put(PHASES.get(7), saved - tested);
        seconds.put(PHASES.get(8), reported - saved);
        seconds.put(PHASES.get(9), run.wall() - reported);

        Map<String, Integer> jobs = new LinkedHashMap<>();
        PHASES.forEach(p -> jobs.put(p, 0));
        for (CliRun.Line line : run.lines()) {
            if (line.text().startsWith(JobStartPrinter.MARK)) {
                jobs.merge(phaseAt(line.at(), bounds, spans), 1, Integer::sum);
            }
        }
        return new WorkflowPhases(seconds, jobs, spans.size(), inFits,
                gaps.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Seconds from starting the JVM to its exit. */
    double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Median gap between consecutive, non-overlapping fits; NaN when there is none. */
    double medianGap() {
        if (gaps.length == 0) {
            return Double.NaN;
        }
        return Stats.of(gaps).median();
    }

    private static String phaseAt(double t, double[] bounds, List<double[]> spans) {
        for (int p = bounds.length - 2; p >= 0; p--) {
            if (t >= bounds[p]) {
                if (p == 3) { // between the first fit's start and the last fit's end
                    boolean inFit = spans.stream().anyMatch(s -> t >= s[0] && t <= s[1]);
                    return inFit ? PHASES.get(3) : PHASES.get(4);
                }
                return PHASES.get(p >= 4 ? p + 1 : p);
            }
        }
        return PHASES.get(0);
    }

    /** [start, end] of every fit, by start; a fit is the epoch lines of one label from epoch 1 on. */
    private static List<double[]> fitSpans(CliRun run) {
        Map<String, double[]> open = new LinkedHashMap<>();
        List<double[]> spans = new ArrayList<>();
        for (CliRun.Line line : run.lines()) {
            Matcher m = EPOCH.matcher(line.text());
            if (!m.find()) {
                continue;
            }
            String label = m.group(1);
            int epoch = Integer.parseInt(m.group(2));
            double seconds = Double.parseDouble(m.group(4));
            double[] span = open.get(label);
            if (span == null || epoch == 1) {
                span = new double[] {line.at() - seconds, line.at()};
                open.put(label, span);
                spans.add(span);
            }
            span[1] = line.at();
        }
        spans.sort((a, b) -> Double.compare(a[0], b[0]));
        return spans;
    }

    private static double at(CliRun run, String regex) {
        Pattern p = Pattern.compile(regex);
        return run.lines().stream().filter(l -> p.matcher(l.text()).find()).mapToDouble(CliRun.Line::at).findFirst()
                .orElseThrow(() -> new IllegalStateException("no log line matches '" + regex + "' in the run; its"
                        + " last lines: " + Arrays.toString(run.lines().stream().skip(Math.max(0,
                        run.lines().size() - 5)).map(CliRun.Line::text).toArray())));
    }
}
