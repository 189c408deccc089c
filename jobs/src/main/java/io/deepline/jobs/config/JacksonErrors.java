package io.deepline.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions into {@link JobConfigException}s that name the key path in job-file terms
 * ({@code split.train}) rather than Java terms ({@code SplitSection["train"]}).
 */
final class JacksonErrors {

    private JacksonErrors() {
    }

    static JobConfigException translate(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        // A record's own check failed inside Jackson: keep its message, add where the record sits.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobConfigException ours) {
                return ours.under(path);
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownKey(u);
        }
        if (e instanceof InvalidFormatException f) {
            return new JobConfigException(path, "'" + f.getValue() + "' is not " + describe(f.getTargetType()),
                    "Replace it with " + describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException mi) {
            return mismatched(path, mi);
        }
        if (e instanceof JsonMappingException m) {
            return new JobConfigException(path, m.getOriginalMessage(), "", e);
        }
        // Not a mapping problem: the text is not valid YAML (bad indentation, a duplicate key, ...).
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new JobConfigException(parserPath(e), "is given twice (again" + where(e.getLocation()) + ")",
                    "Keep only one of them");
        }
        return new JobConfigException("", "the job file is not valid YAML" + where(e.getLocation()) + ": "
                + compact(e.getOriginalMessage()), "Fix the YAML syntax", e);
    }

    private static JobConfigException unknownKey(UnrecognizedPropertyException u) {
        List<JsonMappingException.Reference> refs = u.getPath();
        String parent = pathOf(refs.subList(0, Math.max(0, refs.size() - 1)));
        List<String> known = u.getKnownPropertyIds() == null ? List.of()
                : u.getKnownPropertyIds().stream().map(String::valueOf).toList();
        return KnownKeys.unknownKey(parent, u.getPropertyName(), known);
    }

    private static JobConfigException mismatched(String path, MismatchedInputException mi) {
        Class<?> target = mi.getTargetType();
        if (path.isEmpty() && target == JobConfig.class) {
            return new JobConfigException("", "the job file is not a YAML mapping",
                    "Write a mapping with the keys name, data, model and output (see conf/examples/)");
        }
        if (path.endsWith("]")) {
            // Jackson reports the list's type for a bad element; the element is what must change.
            return new JobConfigException(path, "must be a single value, not a list or a mapping", "");
        }
        return new JobConfigException(path, "must be " + describe(target), "");
    }

    /** How a Java target type reads in a job file. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single text value";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [a, b]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values, e.g. {key: value}";
        }
        return "a " + type.getSimpleName() + " value";
    }

    /** Jackson's path references in key-path form: {@code data.features[2]}. */
    static String pathOf(List<JsonMappingException.Reference> refs) {
        String path = "";
        for (JsonMappingException.Reference r : refs) {
            path = r.getFieldName() != null ? JobConfigException.join(path, r.getFieldName())
                    : path + "[" + r.getIndex() + "]";
        }
        return path;
    }

    /** For syntax errors (e.g. a duplicate key) the parser still knows where it was. */
    private static String parserPath(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
        }
        return "";
    }

    /**
     * SnakeYAML's messages quote the offending source lines with a caret under them; keep only the sentences, since
     * the location is reported separately.
     */
    static String compact(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::trim).filter(l -> !l.equals("^") && !l.equals("."))
                .collect(Collectors.joining("; "));
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
