package io.deepline.pipelines.tools.report;

/** HTML text escaping and the shared style of Deepline's pages (run pages and registry pages). */
public final class Html {
    /**
     * The pages' style sheet, inline (no CDN, no server). Two panels side by side at the top and plots in a grid of
     * about 560 px cells, so a classifier's metrics, run facts and first plots fit one 1080p screen.
     */
    public static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1em 1.5em;color:#222}
            h1{font-size:1.5em;margin:.2em 0 .4em}h2{font-size:1.1em;margin:.8em 0 .3em}
            .panels{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
            .panel{flex:0 1 auto}.panel h2{margin-top:0}
            table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.15em .5em}
            th{text-align:left;font-weight:600;background:#f6f6f6}
            td.n{text-align:right;font-family:monospace}
            table.kv td{max-width:48em;overflow-wrap:anywhere}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:.6em}
            figure{margin:0}img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.8em;color:#555}
            tr.champion{background:#e8f5e9}td.date{white-space:nowrap}
            """;

    private Html() {
    }

    /** Escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
