package io.deepline.pipelines.core.train;

import java.util.function.Supplier;

/**
 * Says which fit a thread is running, e.g. {@code tune 3/12 (hiddenLayers=[32,16], learningRate=0.003, fold 2/3)},
 * so that epoch log lines, Spark job descriptions and progress bars can tell the many fits of a model selection
 * apart. A tuner sets it around each candidate's fit; {@link TrainingSettings#of} puts it in front of the stage
 * name, which the trainer writes into every epoch line and job description.
 *
 * <p>Thread-local on purpose: candidates fitted concurrently each run on their own thread and so carry their own
 * label. A fit started on a thread without a label is unlabelled (plain stage name).
 */
public final class FitLabel {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private FitLabel() {
    }

    /** The label of this thread's fit, or null for none. */
    public static String current() {
        return CURRENT.get();
    }

    /** {@code label stageName}, or {@code stageName} alone when this thread has no label. */
    public static String decorate(String stageName) {
        String label = CURRENT.get();
        return label == null ? stageName : label + " " + stageName;
    }

    /** {@code name} without this thread's label in front, the inverse of {@link #decorate(String)}. */
    public static String undecorate(String name) {
        String label = CURRENT.get();
        return label != null && name.startsWith(label + " ") ? name.substring(label.length() + 1) : name;
    }

    /**
     * Runs {@code fit} with {@code label} on this thread, then restores the previous label (fits may nest, e.g. an
     * ensemble inside a tuner: the innermost label wins while it runs).
     */
    public static <T> T with(String label, Supplier<T> fit) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a fit label must be non-blank, got '" + label + "'");
        }
        String previous = CURRENT.get();
        CURRENT.set(label);
        try {
            return fit.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
