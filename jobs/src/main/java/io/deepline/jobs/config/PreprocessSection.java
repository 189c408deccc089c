package io.deepline.jobs.config;

/**
 * Optional {@code preprocess:} section: feature transformations fitted on the training rows only.
 *
 * @param standardize scale every feature to mean 0 and variance 1 before the model; off when absent. Only for
 *                    feature columns ({@code data.features}).
 * @param divideBy    divide every feature by this number before the model, e.g. 255 for 8-bit pixels, so that
 *                    images are in [0, 1] (what a sigmoid or Bernoulli output expects); off when absent. A fixed
 *                    number, not fitted, so pixels that are 0 in every training image stay 0. Only for feature
 *                    columns; applied before {@code standardize}.
 * @param text        how {@code data.text} becomes word ids; {@link TextPreprocessing#DEFAULT} when absent. Only
 *                    with {@code data.text}.
 * @param polynomial  expand the features into their monomials up to a degree; off when absent. Only for feature
 *                    columns; applied after {@code divideBy} and before {@code standardize}, so the powers are the
 *                    ones standardised (raw powers of different degrees differ in scale by orders of magnitude)
 */
public record PreprocessSection(Boolean standardize, Double divideBy, TextPreprocessing text,
                                PolynomialFeatures polynomial) {

    /** The section used when the job file has none. */
    public static final PreprocessSection DEFAULT = new PreprocessSection(false, null, null);

    public PreprocessSection {
        standardize = standardize != null && standardize;
        if (divideBy != null && !(divideBy > 0 && Double.isFinite(divideBy))) {
            throw new JobConfigException("preprocess.divideBy", "is " + divideBy + "; it must be a finite number > 0",
                    "e.g. divideBy: 255 for 8-bit pixels, or remove it");
        }
    }

    /** A section without polynomial features. */
    public PreprocessSection(Boolean standardize, Double divideBy, TextPreprocessing text) {
        this(standardize, divideBy, text, null);
    }

    /** Whether the job file has a {@code polynomial:} entry. */
    public boolean expands() {
        return polynomial != null;
    }

    /** Whether the job file has a {@code divideBy:} entry. */
    public boolean divides() {
        return divideBy != null;
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
