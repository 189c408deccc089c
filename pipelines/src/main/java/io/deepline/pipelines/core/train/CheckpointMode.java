package io.deepline.pipelines.core.train;

import java.util.Locale;

/** What a fit does when its checkpoint directory holds a checkpoint of other params (or data). */
public enum CheckpointMode {
    /** Resume from a matching checkpoint; refuse a mismatched one with an error (the default). */
    RESUME,
    /** Ignore any checkpoint there, train from scratch, and replace it with this fit's checkpoints. */
    OVERWRITE;

    /** Parses "resume" or "overwrite", ignoring case and surrounding blanks. */
    public static CheckpointMode parse(String value) {
        for (CheckpointMode m : values()) {
            if (value != null && m.name().equalsIgnoreCase(value.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("checkpointMode must be resume or overwrite, got '" + value + "'");
    }

    /** The Param value, lower case. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
