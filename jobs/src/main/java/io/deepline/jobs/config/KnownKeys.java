package io.deepline.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
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
            check(node.get(name), components[i].getType(), JobConfigException.join(path, name));
        }
    }

    /** The error for key {@code name} under {@code parentPath}, which allows only {@code allowed}. */
    static JobConfigException unknownKey(String parentPath, String name, Collection<String> allowed) {
        String where = parentPath.isEmpty() ? "at the top level" : "under " + parentPath;
        return new JobConfigException(JobConfigException.join(parentPath, name), "unknown key",
                "Remove it or fix its spelling. " + Suggestions.fix(name, allowed, "Keys allowed " + where));
    }
}
