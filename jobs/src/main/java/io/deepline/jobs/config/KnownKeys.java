package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Checks every key of a parsed job file against the section records before Jackson binds them.
 *
 * <p>Jackson reports unknown keys only after it has built the record, so a misspelt <em>required</em> key
 * ({@code labl:} for {@code label:}) would surface as "label is required" instead of naming the typo. Checking the
 * tree first reports the typo itself. The record components are the single source of the allowed keys.
 */
final class KnownKeys {

    private KnownKeys() {
    }

    /**
     * @throws JobConfigException naming the first unknown key by its full path, with the allowed keys at that level
     */
    static void check(JsonNode node, Class<?> type, String path) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return; // scalars, lists and free-form maps (spark.conf, model.params) have no fixed keys
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> allowed = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            int i = allowed.indexOf(name);
            if (i < 0) {
                throw unknownKey(path, name, allowed);
            }
            String keyPath = JobConfigException.join(path, name);
            Class<?> elementType = recordElementType(components[i]);
            if (elementType != null && node.get(name).isArray()) {
                // A list of sections (an ensemble's members): each element has the element record's keys.
                for (int j = 0; j < node.get(name).size(); j++) {
                    check(node.get(name).get(j), elementType, keyPath + "[" + j + "]");
                }
            } else {
                check(node.get(name), components[i].getType(), keyPath);
            }
        }
    }

    /** The record type of a {@code List<SomeRecord>} component, or null for any other component. */
    private static Class<?> recordElementType(RecordComponent component) {
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    /** The error for key {@code name} under {@code parentPath}, which allows only {@code allowed}. */
    static JobConfigException unknownKey(String parentPath, String name, Collection<String> allowed) {
        String where = parentPath.isEmpty() ? "at the top level" : "under " + parentPath;
        return new JobConfigException(JobConfigException.join(parentPath, name), "unknown key",
                "Remove it or fix its spelling. " + Suggestions.fix(name, allowed, "Keys allowed " + where));
    }
}
