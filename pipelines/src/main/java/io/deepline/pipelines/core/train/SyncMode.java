package io.deepline.pipelines.core.train;

import java.util.Locale;

/** How the workers of a fit average their params and optimizer state (the {@code syncMode} Param). */
public enum SyncMode {
    /** {@link #COLLECTIVE} where barrier scheduling can work, else {@link #JOBS}; see {@link SyncModeChoice}. */
    AUTO,
    /** One Spark barrier stage per epoch; its tasks stay alive and average with each other directly. */
    COLLECTIVE,
    /** One Spark job per averaging round; the driver averages. The reference, and the fallback. */
    JOBS;

    /** The mode a {@code syncMode} Param value names (validated by the Param, so any case of the three names). */
    public static SyncMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("syncMode must be auto, collective or jobs, got '" + name + "'");
        }
    }

    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
