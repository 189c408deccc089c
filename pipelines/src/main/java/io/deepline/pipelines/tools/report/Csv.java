package io.deepline.pipelines.tools.report;

import java.util.List;

/** RFC 4180 CSV text: fields with a comma, quote or line break are quoted, quotes doubled; lines end in \n. */
public final class Csv {
    private Csv() {
    }

    public static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** One line of fields, each escaped, with its line end. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append('\n').toString();
    }
}
