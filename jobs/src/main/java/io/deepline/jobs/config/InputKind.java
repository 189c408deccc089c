package io.deepline.jobs.config;

/** The kind of input a job's {@code data:} section gives its model. */
public enum InputKind {
    /** Numeric, boolean or vector columns, assembled into one feature vector ({@code data.features}). */
    FEATURES("data.features"),
    /** A string column the job tokenises into word ids ({@code data.text}). */
    TEXT("data.text"),
    /** An array column read as a sequence as it is ({@code data.sequence}). */
    SEQUENCE("data.sequence");

    private final String key;

    InputKind(String key) {
        this.key = key;
    }

    /** The job-file key that selects this input, for messages. */
    public String key() {
        return key;
    }

    /** Whether the model reads a sequence per row (text becomes a sequence of word ids). */
    public boolean isSequence() {
        return this != FEATURES;
    }
}
