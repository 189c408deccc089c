package io.deepline.pipelines.tools.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.pipelines.core.io.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;

/**
 * Readable grid points: per ParamMap, the params that vary across the grid (name → value as JSON), so a report
 * row says "hiddenLayers=[16], learningRate=0.01" and not every fixed setting. A grid whose maps are all equal
 * shows every param it sets. A name shared by params of two stages is prefixed with the stage uid.
 * Params are sorted by name: ParamGridBuilder does not keep the order they were added in.
 */
final class ParamGridDescription {
    private ParamGridDescription() {
    }

    /** One map per grid point: label → the value's JSON text, labels sorted by param name. */
    static List<Map<String, String>> describe(ParamMap[] grid) {
        List<Map<Param<?>, String>> encoded = new ArrayList<>();
        List<Param<?>> order = new ArrayList<>();
        for (ParamMap map : grid) {
            Map<Param<?>, String> values = new LinkedHashMap<>();
            for (ParamPair<?> pair : map.toList()) {
                values.put(pair.param(), encode(pair));
                if (!order.contains(pair.param())) {
                    order.add(pair.param());
                }
            }
            encoded.add(values);
        }
        List<Param<?>> varying = new ArrayList<>();
        for (Param<?> p : order) {
            Set<String> seen = new HashSet<>();
            for (Map<Param<?>, String> values : encoded) {
                seen.add(values.getOrDefault(p, "(unset)"));
            }
            if (seen.size() > 1) {
                varying.add(p);
            }
        }
        List<Param<?>> shown = new ArrayList<>(varying.isEmpty() ? order : varying);
        // ParamGridBuilder does not keep the order params were added in; sort for a stable report.
        shown.sort(java.util.Comparator.comparing((Param<?> p) -> p.name()).thenComparing(p -> p.parent()));
        Map<String, Integer> nameUses = new HashMap<>();
        for (Param<?> p : shown) {
            nameUses.merge(p.name(), 1, Integer::sum);
        }
        List<Map<String, String>> described = new ArrayList<>();
        for (Map<Param<?>, String> values : encoded) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Param<?> p : shown) {
                if (values.containsKey(p)) {
                    row.put(nameUses.get(p.name()) > 1 ? p.parent() + "." + p.name() : p.name(), values.get(p));
                }
            }
            described.add(row);
        }
        return described;
    }

    /** "name=value, …" with strings unquoted; "(defaults)" for an empty map. */
    static String text(Map<String, String> params) {
        if (params.isEmpty()) {
            return "(defaults)";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            JsonNode node = parse(e.getValue());
            parts.add(e.getKey() + "=" + (node.isTextual() ? node.asText() : e.getValue()));
        }
        return String.join(", ", parts);
    }

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    /**
     * The Param's own JSON encoding (as Spark saves it). The one value a Param cannot encode is known in advance:
     * a Param with only Spark's generic {@code Param.jsonEncode}, which encodes a String, Vector or Matrix and throws
     * for anything else (Spark's typed Params and ours override it). Such a value is shown as its string; any other
     * failure to encode is a bug and propagates.
     */
    @SuppressWarnings("unchecked")
    private static String encode(ParamPair<?> pair) {
        Object value = pair.value();
        if (hasOnlyGenericEncoder(pair.param()) && !(value instanceof String || value instanceof Vector
                || value instanceof Matrix)) {
            return Json.MAPPER.getNodeFactory().textNode(String.valueOf(value)).toString();
        }
        return ((Param<Object>) pair.param()).jsonEncode(value);
    }

    private static boolean hasOnlyGenericEncoder(Param<?> param) {
        try {
            return param.getClass().getMethod("jsonEncode", Object.class).getDeclaringClass() == Param.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Param " + param.name() + " (" + param.getClass().getName()
                    + ") has no jsonEncode(Object); Spark's Param API changed, so the grid report cannot show it", e);
        }
    }
}
