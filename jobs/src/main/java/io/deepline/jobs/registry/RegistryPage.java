package io.deepline.jobs.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.tools.report.Html;
import io.deepline.pipelines.tools.report.VersionMetricPlot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The registry's own page, {@code <registry>/<name>/index.html} with {@code versions.png}: the current champion at
 * the top, a plot of the promotion metric per version with the champion marked, then every visible version with
 * its date, headline metrics, decision and a link to its run page ({@code versions/<n>/report/index.html}).
 *
 * <p>Rewritten after every retrain, each file atomically (written to a temporary sibling, then renamed over the
 * old one, as the champion pointer is), so a reader never sees a half-written page.
 */
public final class RegistryPage {
    /** The page's file name in the registry name's directory. */
    public static final String FILE_NAME = "index.html";
    /** Prefix of the temporary siblings; a crash between write and rename leaves one, which the next run deletes. */
    static final String TEMP_PREFIX = ".page.tmp-";
    /** Headline metrics per version, beyond the promotion metric: the table stays one line per version. */
    private static final int MAX_METRICS = 4;

    private final ModelRegistry registry;

    public RegistryPage(ModelRegistry registry) {
        this.registry = registry;
    }

    /** One version as the page shows it. */
    record Row(int version, String date, JsonNode metrics, Decision decision, boolean hasReport) {
    }

    /** Renders the page and its plot from the registry as it is now and replaces the old ones. */
    public void write() {
        List<Row> rows = rows();
        OptionalInt champion = registry.champion();
        int championVersion = champion.isPresent() ? champion.getAsInt() : 0;
        String metric = rows.isEmpty() ? null : rows.get(rows.size() - 1).decision().metric();
        if (!rows.isEmpty()) {
            List<VersionMetricPlot.Point> points = new ArrayList<>();
            for (Row r : rows) {
                points.add(new VersionMetricPlot.Point(r.version(), r.decision().challengerScore(),
                        r.decision().promoted()));
            }
            replace(VersionMetricPlot.FILE_NAME, new VersionMetricPlot(metric, points, championVersion).toPng());
        }
        replace(FILE_NAME, toHtml(registry.name().value(), rows, championVersion, metric).getBytes(StandardCharsets.UTF_8));
    }

    private List<Row> rows() {
        FileSystem fs = registry.fileSystem();
        List<Row> rows = new ArrayList<>();
        for (int n : registry.versions()) {
            Decision decision = Decision.fromJson(registry.readText(n, VersionFiles.DECISION));
            JsonNode metrics;
            try {
                metrics = Json.MAPPER.readTree(registry.readText(n, VersionFiles.METRICS));
            } catch (IOException e) {
                throw new IllegalStateException("version " + n + "'s " + registry.metricsPath(n) + " does not parse: "
                        + e.getMessage() + ". Restore it, or delete the version", e);
            }
            Path success = new Path(registry.versionDir(n), VersionFiles.SUCCESS);
            try {
                String date = Instant.ofEpochMilli(fs.getFileStatus(success).getModificationTime())
                        .truncatedTo(ChronoUnit.SECONDS).toString();
                boolean report = fs.exists(new Path(registry.versionDir(n), "report/index.html"));
                rows.add(new Row(n, date, metrics, decision, report));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + success + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    static String toHtml(String name, List<Row> rows, int champion, String metric) {
        String title = "Registry: " + name;
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"generator\" content=\"Deepline registry\"/>\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<section id=\"champion\"><h2>Champion</h2>\n<p>");
        Row current = rows.stream().filter(r -> r.version() == champion).findFirst().orElse(null);
        if (current == null) {
            html.append("No champion yet: no version has been promoted.");
        } else {
            html.append("Version ").append(champion).append(", ").append(Html.escape(metric)).append(' ')
                    .append(format(current.decision().challengerScore())).append(", trained ")
                    .append(Html.escape(current.date()));
            if (current.hasReport()) {
                html.append(" (<a href=\"").append(reportLink(champion)).append("\">run page</a>)");
            }
            html.append('.');
        }
        html.append(' ').append(rows.size()).append(" version").append(rows.size() == 1 ? "" : "s")
                .append(" kept.</p></section>\n");
        if (!rows.isEmpty()) {
            html.append("<section id=\"plot\"><h2>").append(Html.escape(metric)).append(" per version</h2>\n")
                    .append("<figure><img src=\"").append(VersionMetricPlot.FILE_NAME).append("\" alt=\"")
                    .append(Html.escape(metric)).append(" per version\" width=\"800\" height=\"500\"/></figure>")
                    .append("</section>\n");
        }
        List<String> columns = headlineColumns(rows, metric);
        html.append("<section id=\"versions\"><h2>Versions</h2>\n<table>\n<tr><th>version</th><th>date</th>");
        for (String c : columns) {
            html.append("<th>").append(Html.escape(c)).append("</th>");
        }
        html.append("<th>decision</th><th>run page</th></tr>\n");
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row r = rows.get(i);
            html.append(r.version() == champion ? "<tr class=\"champion\">" : "<tr>").append("<td class=\"n\">")
                    .append(r.version()).append(r.version() == champion ? " (champion)" : "")
                    .append("</td><td class=\"date\">")
                    .append(Html.escape(r.date())).append("</td>");
            for (String c : columns) {
                JsonNode v = r.metrics().get(c);
                html.append("<td class=\"n\">").append(v == null ? "" : Html.escape(v.isNumber()
                        ? format(v.doubleValue()) : v.asText())).append("</td>");
            }
            // The reason says itself whether the version was promoted ("promoted: ...", "not promoted: ...").
            html.append("<td>").append(Html.escape(r.decision().reason())).append("</td><td>");
            if (r.hasReport()) {
                html.append("<a href=\"").append(reportLink(r.version())).append("\">version ").append(r.version())
                        .append("</a>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table></section>\n</body>\n</html>\n");
        return html.toString();
    }

    static String reportLink(int version) {
        return "versions/" + version + "/report/index.html";
    }

    /** The promotion metric first, then the newest version's other quality numbers (non-integral), up to a few. */
    private static List<String> headlineColumns(List<Row> rows, String metric) {
        List<String> columns = new ArrayList<>();
        if (metric != null) {
            columns.add(metric);
        }
        if (!rows.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rows.get(rows.size() - 1).metrics().fields();
                 it.hasNext() && columns.size() <= MAX_METRICS; ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isFloatingPointNumber() && !columns.contains(f.getKey())
                        && !f.getKey().equals("trainSeconds")) {
                    columns.add(f.getKey());
                }
            }
        }
        return columns;
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : Double.toString(v);
    }

    /** Writes {@code bytes} to a temporary sibling of {@code <root>/fileName}, then renames it over the file. */
    private void replace(String fileName, byte[] bytes) {
        FileSystem fs = registry.fileSystem();
        Path target = new Path(registry.root(), fileName);
        Path temp = new Path(registry.root(), TEMP_PREFIX + UUID.randomUUID() + "-" + fileName);
        try {
            try (OutputStream out = fs.create(temp, false)) {
                out.write(bytes);
            }
            // FileSystem.rename does not replace an existing file on HDFS; FileContext's OVERWRITE does, atomically.
            FileContext.getFileContext(fs.getUri(), registry.conf()).rename(temp, target, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException ignored) {
                // the next run's removeIncomplete() deletes it
            }
            throw new UncheckedIOException("cannot write the registry page " + target + ": " + e.getMessage()
                    + ". The registry itself is unchanged; the next retrain writes the page again", e);
        }
    }
}
