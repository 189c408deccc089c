package io.deepline.models.spec;

import java.util.Arrays;
import java.util.Locale;

/** The lower-case names by which users pick enum constants in Params and YAML, and their parsing. */
final class UserNames {
    private UserNames() {
    }

    static <E extends Enum<E>> String[] of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /** The constant named {@code name}, ignoring case and blanks, or an error that lists the choices. */
    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        if (name != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(name.trim())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(what + " '" + name + "' is not supported; use one of "
                + String.join(", ", of(type)));
    }
}
