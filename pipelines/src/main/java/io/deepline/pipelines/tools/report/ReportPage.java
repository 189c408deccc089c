package io.deepline.pipelines.tools.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.io.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * One self-contained HTML page for a report folder, laid out for the first screen: the headline test metrics and
 * the epoch whose weights the model kept beside a compact panel of run facts (model, params, data, split, seed,
 * timing, versions); the plots next, in a grid; then the per-class metrics as one table (class × precision, recall,
 * F1, support), the links to the folder's tables, and every scalar metric folded away. The full metrics JSON is a
 * file of the folder ({@value #METRICS_FILE_NAME}), linked, not printed again.
 *
 * <p>Files are named relative to the page (the folder moves as a whole, from HDFS to a laptop). No scripts, no
 * external styles; every text shown is escaped. The markup is also well-formed XML (XHTML syntax), so tools and
 * tests can parse it. Immutable: the {@code with...} methods return a new page.
 */
public final class ReportPage {
    /** The page's file name in its folder. */
    public static final String FILE_NAME = "index.html";
    /** The metrics JSON the page links to, written beside it. */
    public static final String METRICS_FILE_NAME = "metrics.json";
    /** Every page carries this tag, by which {@link #isReportPage} recognises one. */
    private static final String GENERATOR = "<meta name=\"generator\" content=\"Deepline report\"/>";
    /** What pages before the generator tag carried instead. */
    private static final String OLD_MARKER = "<h2>Metrics JSON</h2>";
    /** Counted in seconds, not a quality measure: stays out of the headline. */
    private static final List<String> NOT_HEADLINE = List.of("trainSeconds");
    private static final String PER_CLASS = "perClass";

    /** Plain relative file names only: no directories, no schemes, nothing to escape in a URL. */
    private static final Pattern FILE_NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final String title;
    private final String metricsText;
    private final JsonNode metrics;
    private final Map<String, String> facts;
    private final String keptEpoch;
    private final String[] classNames;
    private final List<Entry> images;
    private final List<Entry> links;

    private record Entry(String fileName, String caption) {
    }

    /**
     * @param metricsJson a JSON object of metrics; its non-integral top-level numbers are the headline, a
     *                    {@code perClass} object of objects becomes the per-class table, and every scalar (nested
     *                    ones with dotted names, {@code tuning.folds}) is listed in a folded table
     */
    public ReportPage(String title, String metricsJson) {
        this(requireTitle(title), metricsJson, parseMetrics(metricsJson), Map.of(), null, null, List.of(), List.of());
    }

    private ReportPage(String title, String metricsText, JsonNode metrics, Map<String, String> facts,
                       String keptEpoch, String[] classNames, List<Entry> images, List<Entry> links) {
        this.title = title;
        this.metricsText = metricsText;
        this.metrics = metrics;
        this.facts = facts;
        this.keptEpoch = keptEpoch;
        this.classNames = classNames;
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

    /** This page with the run panel's facts (name → shown text, in order), replacing earlier ones. */
    public ReportPage withFacts(Map<String, String> runFacts) {
        Map<String, String> copy = new LinkedHashMap<>();
        runFacts.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return new ReportPage(title, metricsText, metrics, Collections.unmodifiableMap(copy), keptEpoch, classNames,
                images, links);
    }

    /** This page saying, beside the headline metrics, which epoch's weights the model holds (e.g. "12 of 17"). */
    public ReportPage withKeptEpoch(String text) {
        return new ReportPage(title, metricsText, metrics, facts, text, classNames, images, links);
    }

    /** This page naming the per-class table's rows by class name (index k → classNames[k]); null for indices. */
    public ReportPage withClassNames(String[] names) {
        return new ReportPage(title, metricsText, metrics, facts, keptEpoch, names == null ? null : names.clone(),
                images, links);
    }

    /** This page with a plot image (a PNG in the same folder) appended. */
    public ReportPage withImage(String fileName, String caption) {
        List<Entry> next = new ArrayList<>(images);
        next.add(new Entry(requireFileName(fileName), caption == null ? fileName : caption));
        return new ReportPage(title, metricsText, metrics, facts, keptEpoch, classNames, List.copyOf(next), links);
    }

    /** This page with a link to a file in the same folder (a CSV table) appended. */
    public ReportPage withLink(String fileName, String caption) {
        List<Entry> next = new ArrayList<>(links);
        next.add(new Entry(requireFileName(fileName), caption == null ? fileName : caption));
        return new ReportPage(title, metricsText, metrics, facts, keptEpoch, classNames, images, List.copyOf(next));
    }

    static String requireFileName(String fileName) {
        if (fileName == null || !FILE_NAME_PATTERN.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a plain file name; report files sit in the"
                    + " report folder and are named by letters, digits, '.', '_' and '-' (e.g. learning-curve.png)");
        }
        return fileName;
    }

    /**
     * Whether {@code html} is a page this class wrote (now or before its current layout), so that a report folder
     * of Deepline's may be replaced and anyone else's folder left alone.
     */
    public static boolean isReportPage(String html) {
        return html != null && (html.contains(GENERATOR) || html.contains(OLD_MARKER));
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n").append(GENERATOR)
                .append("\n<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<div class=\"panels\">\n");
        appendHeadline(html);
        if (!facts.isEmpty()) {
            html.append("<section id=\"run\" class=\"panel\"><h2>Run</h2>\n<table class=\"kv\">\n");
            facts.forEach((k, v) -> html.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                    .append(Html.escape(v)).append("</td></tr>\n"));
            html.append("</table></section>\n");
        }
        html.append("</div>\n");
        if (!images.isEmpty()) {
            html.append("<section id=\"plots\"><h2>Plots</h2>\n<div class=\"grid\">\n");
            for (Entry image : images) {
                html.append("<figure><a href=\"").append(Html.escape(image.fileName())).append("\"><img src=\"")
                        .append(Html.escape(image.fileName())).append("\" alt=\"").append(Html.escape(image.caption()))
                        .append("\" width=\"").append(PngPlot.WIDTH).append("\" height=\"").append(PngPlot.HEIGHT)
                        .append("\"/></a><figcaption>").append(Html.escape(image.caption()))
                        .append("</figcaption></figure>\n");
            }
            html.append("</div></section>\n");
        }
        appendPerClass(html);
        html.append("<section id=\"files\"><h2>Files</h2>\n<ul>\n");
        for (Entry link : links) {
            html.append("<li><a href=\"").append(Html.escape(link.fileName())).append("\">")
                    .append(Html.escape(link.caption())).append("</a></li>\n");
        }
        html.append("<li><a href=\"").append(METRICS_FILE_NAME).append("\">Every metric (JSON)</a></li>\n</ul>\n");
        appendAllScalars(html);
        html.append("</section>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The quality numbers (non-integral top-level numbers), and the kept epoch. */
    private void appendHeadline(StringBuilder html) {
        html.append("<section id=\"metrics\" class=\"panel\"><h2>Test metrics</h2>\n<table class=\"kv\">\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            boolean quality = value.isNumber() && !value.isIntegralNumber()
                    || value.isTextual() && value.asText().equals("NaN");
            if (quality && !NOT_HEADLINE.contains(field.getKey())) {
                html.append("<tr><th>").append(Html.escape(field.getKey())).append("</th><td class=\"n\">")
                        .append(Html.escape(display(value))).append("</td></tr>\n");
            }
        }
        if (keptEpoch != null) {
            html.append("<tr><th>weights kept from epoch</th><td>").append(Html.escape(keptEpoch))
                    .append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    /** perClass: {"0": {"precision": .., "recall": .., ...}, ...} as one table, columns as the first class has. */
    private void appendPerClass(StringBuilder html) {
        JsonNode perClass = metrics.get(PER_CLASS);
        if (perClass == null || !perClass.isObject() || perClass.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        perClass.elements().next().fieldNames().forEachRemaining(columns::add);
        html.append("<section id=\"per-class\"><h2>Per-class metrics</h2>\n<table class=\"grid-table\">\n<tr><th>class</th>");
        for (String c : columns) {
            html.append("<th>").append(Html.escape(c)).append("</th>");
        }
        html.append("</tr>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = perClass.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> row = it.next();
            html.append("<tr><th>").append(Html.escape(className(row.getKey()))).append("</th>");
            for (String c : columns) {
                JsonNode v = row.getValue().get(c);
                html.append("<td class=\"n\">").append(v == null ? "" : Html.escape(display(v))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></section>\n");
    }

    private String className(String key) {
        if (classNames != null) {
            try {
                int k = Integer.parseInt(key);
                if (k >= 0 && k < classNames.length && classNames[k] != null) {
                    return classNames[k] + " (" + k + ")";
                }
            } catch (NumberFormatException e) {
                // not an index: shown as it is
            }
        }
        return key;
    }

    private void appendAllScalars(StringBuilder html) {
        List<Map.Entry<String, JsonNode>> scalars = new ArrayList<>();
        collectScalars("", metrics, scalars);
        if (scalars.isEmpty()) {
            return;
        }
        html.append("<details><summary>All ").append(scalars.size())
                .append(" scalar metrics</summary>\n<table class=\"kv\">\n");
        for (Map.Entry<String, JsonNode> s : scalars) {
            html.append("<tr><th>").append(Html.escape(s.getKey())).append("</th><td")
                    .append(s.getValue().isNumber() ? " class=\"n\">" : ">")
                    .append(Html.escape(display(s.getValue()))).append("</td></tr>\n");
        }
        html.append("</table></details>\n");
    }

    /** Numbers, strings, booleans and nulls, depth first, named by their dotted path; arrays are skipped. */
    private static void collectScalars(String prefix, JsonNode node, List<Map.Entry<String, JsonNode>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                if (!(prefix.isEmpty() && PER_CLASS.equals(field.getKey()))) {
                    collectScalars(name, value, out);
                }
            } else if (value.isValueNode()) {
                out.add(Map.entry(name, value));
            }
        }
    }

    /** Integers as they are; other numbers to six significant digits (the JSON file has them in full). */
    static String display(JsonNode value) {
        if (value.isIntegralNumber() || !value.isNumber()) {
            return value.asText();
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(d).round(SIX_DIGITS).stripTrailingZeros().toString();
    }

    /**
     * Writes the page as {@code <directory>/index.html}, and the metrics JSON it links to beside it, through
     * Hadoop FileSystem; returns the page's path.
     */
    public String write(HadoopFiles files, String directory) {
        files.writeText(new Path(directory, METRICS_FILE_NAME).toString(), metricsText);
        String path = new Path(directory, FILE_NAME).toString();
        files.writeText(path, toHtml());
        return path;
    }
}
