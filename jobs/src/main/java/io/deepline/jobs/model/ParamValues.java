package io.deepline.jobs.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.jobs.config.JobConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.FloatParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * Converts one YAML value to the Java value a Spark Param of a given type takes.
 *
 * <p>We convert by the Param's class instead of calling {@code param.jsonDecode}: Spark's
 * {@code DoubleParam.jsonDecode} rejects JSON integers, so {@code learningRate: 1} would fail. Numbers written as
 * text are accepted too, because YAML 1.1 reads {@code 1e-3} (no dot) as a string.
 */
final class ParamValues {

    private ParamValues() {
    }

    /**
     * @param key the full key path, for error messages
     * @throws JobConfigException if the value has the wrong shape or type for the Param
     */
    static Object convert(Param<?> param, JsonNode node, String key) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new JobConfigException(key, "has no value", "Give a value (" + param.doc() + ") or remove it");
        }
        if (param instanceof IntParam) {
            return toInt(node, key, param);
        }
        if (param instanceof LongParam) {
            return toLong(node, key, param);
        }
        if (param instanceof DoubleParam) {
            return toDouble(node, key, param);
        }
        if (param instanceof FloatParam) {
            return (float) toDouble(node, key, param);
        }
        if (param instanceof BooleanParam) {
            return toBoolean(node, key, param);
        }
        if (param instanceof IntArrayParam) {
            return elements(node, key, param, ParamValues::toIntElement).stream().mapToInt(Integer::intValue).toArray();
        }
        if (param instanceof DoubleArrayParam) {
            return elements(node, key, param, ParamValues::toDoubleElement).stream().mapToDouble(Double::doubleValue)
                    .toArray();
        }
        if (param instanceof StringArrayParam) {
            return elements(node, key, param, (n, k) -> toText(n, k, param)).toArray(String[]::new);
        }
        if (param.getClass() == Param.class) {
            // A plain Param is a Param<String> in every stage we expose; Spark's validator rejects anything else.
            return toText(node, key, param);
        }
        throw new JobConfigException(key, "cannot be set from a job file (it is a "
                + param.getClass().getSimpleName() + ")", "Remove it");
    }

    /** A YAML value as the user wrote it, for messages: {@code 'abc'}, {@code -1}, {@code [64, 32]}. */
    static String render(JsonNode node) {
        return node == null ? "null" : node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    }

    private static int toInt(JsonNode node, String key, Param<?> param) {
        long v = toLong(node, key, param);
        if (v != (int) v) {
            throw wrongType(node, key, param, "a whole number that fits in 32 bits");
        }
        return (int) v;
    }

    private static long toLong(JsonNode node, String key, Param<?> param) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(node, key, param, "a whole number");
    }

    private static double toDouble(JsonNode node, String key, Param<?> param) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(node, key, param, "a number");
    }

    private static boolean toBoolean(JsonNode node, String key, Param<?> param) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && List.of("true", "false").contains(node.textValue().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw wrongType(node, key, param, "true or false");
    }

    private static String toText(JsonNode node, String key, Param<?> param) {
        if (node.isValueNode()) {
            return node.asText();
        }
        throw wrongType(node, key, param, "a single value");
    }

    private static Integer toIntElement(JsonNode node, String key) {
        return toInt(node, key, null);
    }

    private static Double toDoubleElement(JsonNode node, String key) {
        return toDouble(node, key, null);
    }

    /** The elements of a list value; a single value counts as a one-element list ({@code hiddenLayers: 64}). */
    private static <T> List<T> elements(JsonNode node, String key, Param<?> param,
                                        BiFunction<JsonNode, String, T> element) {
        if (node.isObject()) {
            throw wrongType(node, key, param, "a list, e.g. [64, 32]");
        }
        List<T> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(element.apply(node.get(i), key + "[" + i + "]"));
            }
        } else {
            out.add(element.apply(node, key));
        }
        return out;
    }

    private static JobConfigException wrongType(JsonNode node, String key, Param<?> param, String expected) {
        String doc = param == null ? "" : " (" + param.doc() + ")";
        return new JobConfigException(key, render(node) + " is not " + expected, "Give " + expected + doc);
    }
}
