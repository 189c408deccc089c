package io.deepline.pipelines.core.persist;

/**
 * The version of Deepline's on-disk stage format, stored in each stage's Spark metadata as
 * {@value #KEY}. Bump it when the layout of a saved stage changes, and keep reading the old ones.
 */
public final class DeeplineFormat {
    /** The metadata key. */
    public static final String KEY = "deeplineFormat";
    /**
     * The version this code writes, and the newest it reads. 2: {@code data/history.json} is an object with the
     * epochs and the validation outcome (1: a bare epochs array).
     */
    public static final int CURRENT = 2;

    private DeeplineFormat() {
    }

    /** Fails unless {@code version} is one this code can read. */
    public static void requireReadable(int version, String path) {
        if (version < 1 || version > CURRENT) {
            throw new IllegalStateException("the stage at " + path + " has " + KEY + " " + version
                    + ", but this Deepline reads formats 1 to " + CURRENT + "; load it with the Deepline version that saved it"
                    + " (see its metadata) or a newer one");
        }
    }
}
