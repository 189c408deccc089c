package io.deepline.jobs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks every section record repeats. Each throws a {@link JobConfigException} naming the record-local key;
 * the loader adds the section prefix.
 */
final class Checks {

    private Checks() {
    }

    /** A key that must be present. {@code example} shows a valid line for the fix hint. */
    static <T> T required(String key, T value, String example) {
        if (value == null) {
            throw new JobConfigException(key, "is required but missing", "Add it, e.g. " + example);
        }
        return value;
    }

    /** A string key that must be present and not blank; returns it trimmed. */
    static String requiredText(String key, String value, String example) {
        required(key, value, example);
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new JobConfigException(key, "is empty", "Give a value, e.g. " + example);
        }
        return trimmed;
    }

    /** An optional string key: absent stays {@code null}, present must not be blank. */
    static String optionalText(String key, String value, String example) {
        return value == null ? null : requiredText(key, value, example);
    }

    /**
     * An optional map of strings: absent becomes empty; present must have a value for every key. Keeps the file's
     * order, because it decides which problem is reported first and how summaries read.
     */
    static Map<String, String> stringMap(String key, Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue() == null) {
                throw new JobConfigException(JobConfigException.join(key, e.getKey()), "has no value",
                        "Give it a value in quotes, e.g. " + e.getKey() + ": \"...\", or remove it");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An optional list of distinct, non-blank strings: absent becomes empty, present must not be empty. */
    static List<String> distinctNames(String key, List<String> names, String example) {
        if (names == null) {
            return List.of();
        }
        if (names.isEmpty()) {
            throw new JobConfigException(key, "is an empty list", "List at least one column, e.g. " + example
                    + ", or remove the key to use the default");
        }
        for (int i = 0; i < names.size(); i++) {
            String name = requiredText(key + "[" + i + "]", names.get(i), example);
            if (names.subList(0, i).stream().anyMatch(n -> n != null && n.trim().equals(name))) {
                throw new JobConfigException(key, "lists '" + name + "' twice", "List each column once");
            }
        }
        return names.stream().map(String::trim).toList();
    }

    /** An optional key with a fixed set of values, any case: absent becomes {@code otherwise}. */
    static String choice(String key, String value, String otherwise, String... allowed) {
        if (value == null) {
            return otherwise;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new JobConfigException(key, "is '" + value + "'", "Use one of " + String.join(", ", allowed));
    }

    /** An output's {@code mode}: {@code errorifexists} (the default) or {@code overwrite}. */
    static String outputMode(String mode) {
        return choice("mode", mode, "errorifexists", "errorifexists", "overwrite");
    }
}
