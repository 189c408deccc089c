package io.deepline.pipelines.data;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns a {@link LabeledDataProfile} into the sizes a classifier needs, or a clear
 * {@link IllegalArgumentException} that names the column, what was found, and how to fix it.
 */
public final class ClassificationDataCheck {

    /** The validated shape of the training data. */
    public record Summary(long rows, int numFeatures, int numClasses, Map<Integer, Long> classCounts) {
    }

    private ClassificationDataCheck() {
    }

    /**
     * @param metadataClasses the number of classes declared in the label column's ML attribute metadata, if any
     */
    public static Summary check(LabeledDataProfile p, String featuresCol, String labelCol, OptionalInt metadataClasses) {
        if (p.rows == 0) {
            throw new IllegalArgumentException("the training DataFrame is empty; fit needs rows with a '" + featuresCol
                    + "' vector and a '" + labelCol + "' label (check the filters and the split that produced it)");
        }
        if (p.nullFeatures > 0) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' has " + p.nullFeatures
                    + " null value(s) in " + p.rows + " rows; drop or impute those rows before fitting");
        }
        if (p.minSize != p.maxSize) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' holds vectors of different "
                    + "sizes (from " + p.minSize + " to " + p.maxSize + "); every row needs the same number of features");
        }
        if (p.maxSize == 0) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' holds empty vectors; "
                    + "a network needs at least one feature");
        }
        if (p.nonFiniteFeatureRows > 0) {
            throw new IllegalArgumentException("the features column '" + featuresCol + "' has NaN or infinite values in "
                    + p.nonFiniteFeatureRows + " row(s); impute them (e.g. with Imputer) or drop those rows");
        }
        if (p.nullLabels > 0) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' has " + p.nullLabels
                    + " null value(s); every training row needs a label (drop unlabeled rows first)");
        }
        String classIndexHint = "; labels must be 0-based class indices 0, 1, 2, ... (StringIndexer makes them)";
        if (p.nonIntegerLabels > 0) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' has " + p.nonIntegerLabels
                    + " non-integer value(s), e.g. " + p.exampleNonIntegerLabel + classIndexHint);
        }
        if (p.negativeLabels > 0) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' has " + p.negativeLabels
                    + " negative value(s), e.g. " + p.exampleNegativeLabel + classIndexHint);
        }
        if (p.tooManyLabels) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' has more than "
                    + LabeledDataProfile.MAX_DISTINCT_LABELS + " distinct values or a huge class index" + classIndexHint);
        }
        int maxLabel = p.classCounts.lastKey();
        int numClasses = maxLabel + 1;
        if (metadataClasses.isPresent()) {
            if (maxLabel >= metadataClasses.getAsInt()) {
                throw new IllegalArgumentException("the label column '" + labelCol + "' has label " + maxLabel
                        + " but its metadata declares " + metadataClasses.getAsInt() + " classes (0.."
                        + (metadataClasses.getAsInt() - 1) + "); re-index the labels or drop the stale metadata");
            }
            numClasses = metadataClasses.getAsInt();
        }
        if (p.classCounts.size() < 2) {
            throw new IllegalArgumentException("the label column '" + labelCol + "' holds a single class ("
                    + maxLabel + ".0) in all " + p.rows + " rows; a classifier needs examples of at least two classes");
        }
        return new Summary(p.rows, p.maxSize, numClasses, p.classCounts());
    }
}
