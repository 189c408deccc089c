package io.deepline.pipelines.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.io.HadoopFiles;
import io.deepline.pipelines.io.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * One self-contained HTML page for a report folder: a table of the scalar metrics, the metrics JSON itself, the
 * plots as images and links to the CSV tables, all by file names relative to the page (the folder moves as a
 * whole, from HDFS to a laptop). No scripts, no external styles; every text shown is escaped. The markup is also
 * well-formed XML (XHTML syntax), so tools and tests can parse it.
 *
 * <p>Immutable: {@link #withImage} and {@link #withLink} return a new page.
 */
public final class ReportPage {
    /** The page's file name in its folder. */
    public static final String FILE_NAME = "index.html";
    /** The heading every page has, by which {@link #isReportPage} recognises one. */
    private static final String METRICS_JSON_HEADING = "<h2>Metrics JSON</h2>";

    /** Plain relative file names only: no directories, no schemes, nothing to escape in a URL. */
    private static final Pattern FILE_NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final String title;
    private final JsonNode metrics;
    private final List<Entry> images;
    private final List<Entry> links;

    private record Entry(String fileName, String caption) {
    }

    /**
     * @param metricsJson a JSON object of metrics; nested objects show in the table with dotted names
     *                    ({@code perClass.0.recall}), arrays only in the JSON listing
     */
    public ReportPage(String title, String metricsJson) {
        this(requireTitle(title), parseMetrics(metricsJson), List.of(), List.of());
    }

    private ReportPage(String title, JsonNode metrics, List<Entry> images, List<Entry> links) {
        this.title = title;
        this.metrics = metrics;
        this.images = images;
        this.links = links;
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("the report title is blank; name the report, e.g. the job's name");
        }
        return title;
    }

    private static JsonNode parseMetrics(String metricsJson) {
        if (metricsJson == null) {
            throw new IllegalArgumentException("the metrics JSON is null; give a JSON object, e.g. {\"accuracy\": 0.9}");
        }
        JsonNode node;
        try {
            // Jackson writes NaN as a string by default but other writers emit bare NaN: accept both.
            node = Json.MAPPER.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).readTree(metricsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the metrics JSON does not parse: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); give a JSON object such as {\"accuracy\": 0.9}", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the metrics JSON must be an object of named metrics, such as"
                    + " {\"accuracy\": 0.9}, but is " + (node == null ? "empty" : node.getNodeType().toString()
                    .toLowerCase(Locale.ROOT)));
        }
        return node;
    }

    /** This page with a plot image (a PNG in the same folder) appended. */
    public ReportPage withImage(String fileName, String caption) {
        List<Entry> next = new ArrayList<>(images);
        next.add(new Entry(requireFileName(fileName), caption == null ? fileName : caption));
        return new ReportPage(title, metrics, List.copyOf(next), links);
    }

    /** This page with a link to a file in the same folder (a CSV table) appended. */
    public ReportPage withLink(String fileName, String caption) {
        List<Entry> next = new ArrayList<>(links);
        next.add(new Entry(requireFileName(fileName), caption == null ? fileName : caption));
        return new ReportPage(title, metrics, images, List.copyOf(next));
    }

    static String requireFileName(String fileName) {
        if (fileName == null || !FILE_NAME_PATTERN.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a plain file name; report files sit in the"
                    + " report folder and are named by letters, digits, '.', '_' and '-' (e.g. learning-curve.png)");
        }
        return fileName;
    }

    /**
     * Whether {@code html} is a page this class wrote, so that a report folder of Deepline's may be replaced and
     * anyone else's folder left alone.
     */
    public static boolean isReportPage(String html) {
        return html != null && html.contains(METRICS_JSON_HEADING);
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}\n")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}\n")
                .append("td.n{text-align:right;font-family:monospace}\n")
                .append("pre{background:#f6f6f6;padding:1em;overflow:auto;max-height:30em}\n")
                .append("img{max-width:100%}\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(title))
                .append("</h1>\n");
        appendMetricsTable(html);
        if (!images.isEmpty()) {
            html.append("<h2>Plots</h2>\n");
            for (Entry image : images) {
                html.append("<figure><img src=\"").append(Html.escape(image.fileName())).append("\" alt=\"")
                        .append(Html.escape(image.caption())).append("\" width=\"").append(PngPlot.WIDTH)
                        .append("\" height=\"").append(PngPlot.HEIGHT).append("\"/><figcaption>")
                        .append(Html.escape(image.caption())).append("</figcaption></figure>\n");
            }
        }
        if (!links.isEmpty()) {
            html.append("<h2>Tables</h2>\n<ul>\n");
            for (Entry link : links) {
                html.append("<li><a href=\"").append(Html.escape(link.fileName())).append("\">")
                        .append(Html.escape(link.caption())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append(METRICS_JSON_HEADING).append("\n<pre>").append(Html.escape(metrics.toPrettyString()))
                .append("</pre>\n</body>\n</html>\n");
        return html.toString();
    }

    private void appendMetricsTable(StringBuilder html) {
        List<Map.Entry<String, JsonNode>> scalars = new ArrayList<>();
        collectScalars("", metrics, scalars);
        if (scalars.isEmpty()) {
            return;
        }
        html.append("<h2>Metrics</h2>\n<table>\n<tr><th>metric</th><th>value</th></tr>\n");
        for (Map.Entry<String, JsonNode> s : scalars) {
            html.append("<tr><td>").append(Html.escape(s.getKey())).append("</td><td")
                    .append(s.getValue().isNumber() ? " class=\"n\">" : ">")
                    .append(Html.escape(display(s.getValue()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Numbers, strings, booleans and nulls, depth first, named by their dotted path; arrays are skipped. */
    private static void collectScalars(String prefix, JsonNode node, List<Map.Entry<String, JsonNode>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collectScalars(name, value, out);
            } else if (value.isValueNode()) {
                out.add(Map.entry(name, value));
            }
        }
    }

    /** Integers as they are; other numbers to six significant digits (the JSON below has them in full). */
    private static String display(JsonNode value) {
        if (value.isIntegralNumber() || !value.isNumber()) {
            return value.asText();
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(d).round(SIX_DIGITS).stripTrailingZeros().toString();
    }

    /** Writes the page as {@code <directory>/index.html} through Hadoop FileSystem; returns its path. */
    public String write(HadoopFiles files, String directory) {
        String path = new Path(directory, FILE_NAME).toString();
        files.writeText(path, toHtml());
        return path;
    }
}
