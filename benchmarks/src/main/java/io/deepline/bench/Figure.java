package io.deepline.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One reported number: its JSON key, what it measures, its unit, its stats over the runs, an optional target, and
 * free-form details (the inputs of a ratio, accuracies) for the report.
 */
public record Figure(String key, String description, String unit, Stats stats, Optional<Target> target,
                     Map<String, String> details) {

    public static Figure of(String key, String description, String unit, Stats stats) {
        return new Figure(key, description, unit, stats, Optional.empty(), Map.of());
    }

    public Figure withTarget(Target goal) {
        return new Figure(key, description, unit, stats, Optional.of(goal), details);
    }

    public Figure withDetails(Map<String, String> more) {
        return new Figure(key, description, unit, stats, target, Map.copyOf(more));
    }

    /** "met", "missed" or "" without a target; judged on the median. */
    public String verdict() {
        return target.map(t -> t.isMetBy(stats.median()) ? "met" : "missed").orElse("");
    }

    static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e5 || (abs > 0 && abs < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.3f", value);
    }
}
