package io.deepline.pipelines.core.train;

/**
 * How the workers synchronise.
 *
 * @param mode            the requested mode; {@link SyncMode#AUTO} is resolved per fit by {@link SyncModeChoice}
 * @param maxEpochRetries collective mode: times a failed epoch is rerun from its start before the fit goes on in
 *                        jobs mode, &gt;= 0
 */
public record SyncSettings(SyncMode mode, int maxEpochRetries) {
    /** What the Params default to: auto, 3 retries. */
    public static final SyncSettings DEFAULT = new SyncSettings(SyncMode.AUTO, 3);

    public SyncSettings {
        if (mode == null) {
            throw new IllegalArgumentException("syncMode is required (auto, collective or jobs)");
        }
        if (maxEpochRetries < 0) {
            throw new IllegalArgumentException("maxEpochRetries must be >= 0, got " + maxEpochRetries);
        }
    }

    public SyncSettings withMode(SyncMode newMode) {
        return new SyncSettings(newMode, maxEpochRetries);
    }
}
