package io.deepline.pipelines.core.param;

/**
 * Hands a stage's uid to its Scala super-constructors.
 *
 * <p>MLlib's base classes ({@code Predictor}, {@code ClassificationModel} ...) create shared Params such as
 * {@code featuresCol} inside their constructors, and each Param records {@code uid()} of its owner at that
 * moment. A Java subclass cannot assign its uid field before {@code super()} runs, so those Params would
 * belong to {@code null} and every {@code set} would fail with "Param ... does not belong to ...".
 * (Spark's own JavaDeveloperApiExample has this bug.)
 *
 * <p>The fix: the public {@code (String uid)} constructor delegates with {@code this(StageUid.stash(uid))}; the
 * argument is evaluated before any super-constructor, and {@code uid()} falls back to {@link #pending()} while
 * the field is still unset.
 */
public final class StageUid {
    private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

    /** Proof that {@link #stash(String)} ran; the private constructor that takes it then calls {@link #take()}. */
    public static final class Token {
        private Token() {
        }
    }

    private static final Token TOKEN = new Token();

    private StageUid() {
    }

    /** Remembers {@code uid} for the stage being constructed on this thread. */
    public static Token stash(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("a stage uid must be a non-empty string");
        }
        PENDING.set(uid);
        return TOKEN;
    }

    /** The uid of the stage under construction on this thread, or null. */
    public static String pending() {
        return PENDING.get();
    }

    /** Returns and forgets the pending uid; call once the super-constructors have run. */
    public static String take() {
        String uid = PENDING.get();
        PENDING.remove();
        if (uid == null) {
            throw new IllegalStateException("StageUid.take() without a preceding stash(uid)");
        }
        return uid;
    }
}
