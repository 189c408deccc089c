package io.deepline.jobs.retrain;

/**
 * The points of a retrain run after which a crash leaves a different state behind. Tests inject failures at them;
 * the promise is the same at each: the champion is unchanged and no half-written version is visible.
 */
public enum RetrainStep {
    /** The challenger is trained and saved into its (still invisible) version directory. */
    CHALLENGER_SAVED,
    /** The version's metrics, job and decision are written, but not its {@code _SUCCESS} marker. */
    DECISION_WRITTEN,
    /** The version is visible ({@code _SUCCESS} written), but the champion pointer is not moved yet. */
    VERSION_COMMITTED
}
