package io.deepline.jobs.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints for misspelt keys, params and model types. */
public final class Suggestions {

    /** Edits allowed between a typo and the name it suggests; more than this and a hint misleads. */
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    /**
     * A fix hint: the closest known name if one is near (e.g. {@code featurs} → {@code features}), then the full
     * list, sorted.
     */
    public static String fix(String given, Collection<String> known, String listLabel) {
        List<String> sorted = known.stream().sorted().toList();
        String list = listLabel + ": " + String.join(", ", sorted);
        return closest(given, sorted).map(c -> "Did you mean '" + c + "'? " + list).orElse(list);
    }

    /** The known name nearest to {@code given}, ignoring case, if it is within a few edits. */
    public static Optional<String> closest(String given, Collection<String> known) {
        if (given == null) {
            return Optional.empty();
        }
        String g = given.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(k -> distance(g, k.toLowerCase(Locale.ROOT)) <= Math.min(MAX_DISTANCE, k.length() / 2))
                .min(Comparator.comparingInt(k -> distance(g, k.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance; the names compared are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
