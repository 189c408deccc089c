package io.deepline.jobs.config;

/**
 * Optional {@code preprocess:} section: feature transformations fitted on the training rows only.
 *
 * @param standardize scale every feature to mean 0 and variance 1 before the model; off when absent. Only for
 *                    feature columns ({@code data.features}).
 * @param text        how {@code data.text} becomes word ids; {@link TextPreprocessing#DEFAULT} when absent. Only
 *                    with {@code data.text}.
 */
public record PreprocessSection(Boolean standardize, TextPreprocessing text) {

    /** The section used when the job file has none. */
    public static final PreprocessSection DEFAULT = new PreprocessSection(false, null);

    public PreprocessSection {
        standardize = standardize != null && standardize;
    }

    /** Whether the job file has a {@code text:} entry. */
    public boolean hasText() {
        return text != null;
    }

    /** The text settings: the job file's, or the defaults. */
    public TextPreprocessing textOrDefault() {
        return text != null ? text : TextPreprocessing.DEFAULT;
    }
}
