package io.deepline.pipelines.core.data.sequence;

/**
 * A kind of bad sequence row the profile counts, with the column it is about and how to fix it. The order is
 * the order in which {@link SequenceDataCheck} reports them: the first problem found is the one to fix first.
 */
enum SequenceIssue {
    NULL_SEQUENCE(true, "a null sequence", "drop those rows or fill them before fitting"),
    EMPTY_SEQUENCE(true, "an empty sequence (no steps)",
            "drop them (e.g. filter size(col) > 0); a recurrent network needs at least one step"),
    NULL_STEP(true, "a null step", "drop those rows or replace the null steps (e.g. by the previous step)"),
    EMPTY_STEP(true, "a step with no features", "every step needs at least one feature value"),
    RAGGED_STEPS(true, "steps with different numbers of features",
            "every step of every sequence needs the same number of features; fix the short or long steps upstream"),
    NULL_VALUE(true, "a null value", "impute them (e.g. 0 or the previous step's value) or drop those rows"),
    NON_FINITE_VALUE(true, "NaN or infinite values", "impute them or drop those rows"),
    TOKEN_OUT_OF_VOCABULARY(true, "token ids outside [0, vocabularySize)",
            "ids must be 0..vocabularySize-1; raise vocabularySize or map unknown tokens to a reserved id"),
    NULL_LABEL(false, "a null label", "every training row needs a label; drop unlabeled rows first"),
    NULL_STEP_LABEL(false, "a null label at a step",
            "give every step a label; drop those rows or fill the missing step labels"),
    LABEL_LENGTH_MISMATCH(false, "a label array whose length differs from its sequence's length",
            "give exactly one label per step: the label array must be as long as the features array"),
    NON_FINITE_LABEL(false, "NaN or infinite labels", "drop or fix those rows before fitting"),
    NON_INTEGER_LABEL(false, "non-integer labels",
            "class labels must be 0-based class indices 0, 1, 2, ... (StringIndexer makes them)"),
    NEGATIVE_LABEL(false, "negative labels",
            "class labels must be 0-based class indices 0, 1, 2, ... (StringIndexer makes them)");

    private final boolean aboutFeatures;
    private final String what;
    private final String fix;

    SequenceIssue(boolean aboutFeatures, String what, String fix) {
        this.aboutFeatures = aboutFeatures;
        this.what = what;
        this.fix = fix;
    }

    /** Only classification needs class-index labels. */
    boolean appliesTo(boolean classification) {
        return classification || (this != NON_INTEGER_LABEL && this != NEGATIVE_LABEL);
    }

    String message(String featuresCol, String labelCol, long rows, RowExample example) {
        return messageAbout("features column '" + featuresCol + "'", labelCol, rows, example);
    }

    /** @param sequenceColumn how to name the profiled sequence column, e.g. "label column 'target'" */
    String messageAbout(String sequenceColumn, String labelCol, long rows, RowExample example) {
        String column = aboutFeatures ? sequenceColumn : "label column '" + labelCol + "'";
        return "the " + column + " has " + what + " in " + rows + " row(s), e.g. " + example + "; " + fix;
    }
}
