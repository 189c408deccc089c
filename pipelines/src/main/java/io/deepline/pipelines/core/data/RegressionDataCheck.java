package io.deepline.pipelines.core.data;

/**
 * Turns a {@link LabeledDataProfile} into the sizes a regressor needs, or a clear
 * {@link IllegalArgumentException} naming the column, what was found, and how to fix it.
 */
public final class RegressionDataCheck {

    /** The validated shape of regression training data. */
    public record Summary(long rows, int numFeatures, int numOutputs, boolean vectorLabel) {
    }

    private RegressionDataCheck() {
    }

    /**
     * @param countLabels true for a Poisson response, whose labels must be non-negative integers
     */
    public static Summary check(LabeledDataProfile p, String featuresCol, String labelCol, boolean countLabels) {
        FeatureChecks.requireCleanFeaturesAndLabels(p, featuresCol, labelCol);
        boolean vectorLabel = p.maxLabelSize != Integer.MIN_VALUE;
        if (vectorLabel && p.minLabelSize != p.maxLabelSize) {
            throw new InvalidDataException("the label column '" + labelCol + "' holds vectors of different sizes"
                    + " (from " + p.minLabelSize + " to " + p.maxLabelSize + "); every row needs the same number of"
                    + " outputs");
        }
        if (vectorLabel && p.maxLabelSize == 0) {
            throw new InvalidDataException("the label column '" + labelCol + "' holds empty vectors; a regressor"
                    + " needs at least one output");
        }
        if (countLabels && (p.nonIntegerLabels > 0 || p.negativeLabels > 0)) {
            double example = p.nonIntegerLabels > 0 ? p.exampleNonIntegerLabel : p.exampleNegativeLabel;
            throw new InvalidDataException("the label column '" + labelCol + "' has "
                    + (p.nonIntegerLabels + p.negativeLabels) + " value(s) that are not counts, e.g. " + example
                    + "; family=poisson needs non-negative integer labels (use family=gaussian for real values)");
        }
        if (countLabels && vectorLabel) {
            throw new InvalidDataException("family=poisson takes a numeric count label, but the label column '"
                    + labelCol + "' holds vectors");
        }
        return new Summary(p.rows, p.maxSize, vectorLabel ? p.maxLabelSize : 1, vectorLabel);
    }
}
