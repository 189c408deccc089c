package io.deepline.jobs.registry;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of one model in a registry, a single directory under the registry's path. Only letters, digits,
 * {@code .}, {@code _} and {@code -} are allowed, and not {@code .} or {@code ..}, so a name can never climb out of
 * the registry or reach into another model's directory.
 *
 * @param value the validated name
 */
public record RegistryName(String value) {

    /** The characters a name may use; {@code .} and {@code ..} match it too and are refused separately. */
    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    public RegistryName {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("registry name '" + value + "' " + problem.get() + ". " + FIX);
        }
    }

    /** How to repair a bad name, for messages. */
    public static final String FIX = "Use only letters, digits, '.', '_' and '-', e.g. digits-mlp";

    /** What is wrong with {@code candidate} as a name, or empty when it is a valid one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("is empty");
        }
        if (candidate.equals(".") || candidate.equals("..")) {
            return Optional.of("would name the registry directory or its parent");
        }
        if (!ALLOWED.matcher(candidate).matches()) {
            return Optional.of("may hold only letters, digits, '.', '_' and '-' (no '/', spaces or other"
                    + " characters), so that it stays one directory inside the registry");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
