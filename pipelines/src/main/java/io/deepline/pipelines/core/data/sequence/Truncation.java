package io.deepline.pipelines.core.data.sequence;

import java.util.Locale;

/**
 * Which part of a sequence longer than {@code maxSequenceLength} is kept: its first steps ({@code head}) or its
 * last ones ({@code tail}, usually right for many-to-one prediction from the most recent steps). Per-step
 * labels are cut the same way.
 */
public enum Truncation {
    HEAD,
    TAIL;

    /** {@code "head"} or {@code "tail"} (any case), as a Param value. */
    public static Truncation parse(String value) {
        for (Truncation t : values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("truncate is '" + value + "' but must be 'head' (keep the first"
                + " maxSequenceLength steps) or 'tail' (keep the last ones)");
    }

    /** The first kept step of a sequence of {@code length} steps cut to at most {@code maxLength} (0 = no limit). */
    int firstKept(int length, int maxLength) {
        if (maxLength <= 0 || length <= maxLength || this == HEAD) {
            return 0;
        }
        return length - maxLength;
    }

    /** The number of steps kept. */
    static int keptLength(int length, int maxLength) {
        return maxLength <= 0 ? length : Math.min(length, maxLength);
    }

    /** The Param value, {@code "head"} or {@code "tail"}. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
