package io.deepline.jobs.config;

/**
 * Optional {@code preprocess:} section: feature transformations fitted on the training rows only.
 *
 * @param standardize scale every feature to mean 0 and variance 1 before the model; off when absent
 */
public record PreprocessSection(Boolean standardize) {

    /** The section used when the job file has none. */
    public static final PreprocessSection DEFAULT = new PreprocessSection(false);

    public PreprocessSection {
        standardize = standardize != null && standardize;
    }
}
