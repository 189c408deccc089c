package io.deepline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The figures of one bench run as a Markdown table (printed and written) and as JSON keyed by figure. */
public final class BenchReport {

    private final List<Figure> figures;
    private final String command;
    private final String machine;
    private final Instant finished;
    private final double seconds;

    public BenchReport(List<Figure> figures, String command, String machine, Instant finished, double seconds) {
        this.figures = List.copyOf(figures);
        this.command = command;
        this.machine = machine;
        this.finished = finished;
        this.seconds = seconds;
    }

    /** The table: figure, median, min–max over the runs, runs, target and verdict. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Deepline benchmarks, ").append(finished).append(", `").append(command).append("`, ")
                .append(machine).append(String.format(java.util.Locale.ROOT, ", %.0f s in all%n%n", seconds));
        out.append("| figure | median | min – max | runs | unit | target | |\n");
        out.append("|---|---:|---:|---:|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| `").append(f.key()).append("` ").append(f.description()).append(" | ")
                    .append(Figure.format(f.stats().median())).append(" | ")
                    .append(Figure.format(f.stats().min())).append(" – ").append(Figure.format(f.stats().max()))
                    .append(" | ").append(f.stats().runs()).append(" | ").append(f.unit()).append(" | ")
                    .append(f.target().map(Target::toString).orElse("")).append(" | ").append(f.verdict())
                    .append(" |\n");
        }
        boolean anyDetails = figures.stream().anyMatch(f -> !f.details().isEmpty());
        if (anyDetails) {
            out.append("\nDetails (medians unless stated):\n\n");
            for (Figure f : figures) {
                if (!f.details().isEmpty()) {
                    out.append("- `").append(f.key()).append("`: ");
                    out.append(String.join(", ", f.details().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).toList()));
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** {"command", "machine", "finished", "figures": {key: {median, min, max, runs, unit, target, met, ...}}}. */
    public String json() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("command", command).put("machine", machine).put("finished", finished.toString())
                .put("seconds", seconds);
        ObjectNode all = root.putObject("figures");
        for (Figure f : figures) {
            ObjectNode node = all.putObject(f.key());
            node.put("description", f.description()).put("unit", f.unit()).put("median", f.stats().median())
                    .put("min", f.stats().min()).put("max", f.stats().max()).put("runs", f.stats().runs());
            f.target().ifPresent(t -> node.put("target", t.toString()).put("met", t.isMetBy(f.stats().median())));
            ObjectNode details = node.putObject("details");
            for (Map.Entry<String, String> e : f.details().entrySet()) {
                details.put(e.getKey(), e.getValue());
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    /** Writes {@code <name>.md} and {@code <name>.json} into {@code dir}. */
    public void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), markdown());
        Files.writeString(dir.resolve(name + ".json"), json());
    }
}
