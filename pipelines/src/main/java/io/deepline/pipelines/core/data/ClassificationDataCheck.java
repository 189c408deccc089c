package io.deepline.pipelines.core.data;

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
        FeatureChecks.requireCleanFeaturesAndLabels(p, featuresCol, labelCol);
        String classIndexHint = "; labels must be 0-based class indices 0, 1, 2, ... (StringIndexer makes them)";
        if (p.nonIntegerLabels > 0) {
            throw new InvalidDataException("the label column '" + labelCol + "' has " + p.nonIntegerLabels
                    + " non-integer value(s), e.g. " + p.exampleNonIntegerLabel + classIndexHint);
        }
        if (p.negativeLabels > 0) {
            throw new InvalidDataException("the label column '" + labelCol + "' has " + p.negativeLabels
                    + " negative value(s), e.g. " + p.exampleNegativeLabel + classIndexHint);
        }
        if (p.tooManyLabels) {
            throw new InvalidDataException("the label column '" + labelCol + "' has more than "
                    + LabeledDataProfile.MAX_DISTINCT_LABELS + " distinct values or a huge class index" + classIndexHint);
        }
        int maxLabel = p.classCounts.lastKey();
        int numClasses = maxLabel + 1;
        if (metadataClasses.isPresent()) {
            if (maxLabel >= metadataClasses.getAsInt()) {
                throw new InvalidDataException("the label column '" + labelCol + "' has label " + maxLabel
                        + " but its metadata declares " + metadataClasses.getAsInt() + " classes (0.."
                        + (metadataClasses.getAsInt() - 1) + "); re-index the labels or drop the stale metadata");
            }
            numClasses = metadataClasses.getAsInt();
        }
        if (p.classCounts.size() < 2) {
            throw new InvalidDataException("the label column '" + labelCol + "' holds a single class ("
                    + maxLabel + ".0) in all " + p.rows + " rows; a classifier needs examples of at least two classes");
        }
        return new Summary(p.rows, p.maxSize, numClasses, p.classCounts());
    }
}
