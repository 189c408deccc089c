package io.deepline.pipelines.core.data.sequence;

import io.deepline.pipelines.core.data.InvalidDataException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns a {@link SequenceDataProfile} into the sizes a recurrent network needs, or an
 * {@link IllegalArgumentException} naming the column, a row that shows the problem, and the fix.
 */
public final class SequenceDataCheck {

    /**
     * The validated shape of the sequences.
     *
     * @param numFeatures inputs per step (1 for token ids and univariate series)
     * @param maxLength   the longest sequence before truncation
     * @param target      how labels become outputs (nOut = {@code target.width()})
     */
    public record Summary(long rows, int numFeatures, int minLength, int maxLength, SequenceTarget target) {
    }

    private SequenceDataCheck() {
    }

    /**
     * Labels are 0-based class indices (per sequence or per step).
     *
     * @param declaredClasses the number of classes, if known (e.g. from the label metadata); else max label + 1
     */
    public static Summary forClassification(SequenceDataProfile p, String featuresCol, String labelCol,
                                            OptionalInt declaredClasses) {
        requireClean(p, featuresCol, labelCol, true);
        int maxClass = (int) p.maxLabel;
        if (p.maxLabel > Integer.MAX_VALUE - 1 || declaredClasses.isPresent() && maxClass >= declaredClasses.getAsInt()) {
            throw new InvalidDataException("the label column '" + labelCol + "' has class " + p.maxLabel
                    + ", e.g. " + p.maxLabelRow + ", but " + (declaredClasses.isPresent()
                    ? declaredClasses.getAsInt() + " classes (0.." + (declaredClasses.getAsInt() - 1) + ") are declared"
                    : "class indices must fit in an int") + "; re-index the labels or raise the number of classes");
        }
        if (p.minLabel == p.maxLabel) {
            throw new InvalidDataException("the label column '" + labelCol + "' holds a single class (" + p.maxLabel
                    + ") in all " + p.rows + " rows; a classifier needs examples of at least two classes");
        }
        int numClasses = declaredClasses.orElse(maxClass + 1);
        return new Summary(p.rows, p.maxWidth, p.minLength, p.maxLength, SequenceTarget.classes(numClasses));
    }

    /** Labels are real values (per sequence or per step), one output. */
    public static Summary forRegression(SequenceDataProfile p, String featuresCol, String labelCol) {
        requireClean(p, featuresCol, labelCol, false);
        return new Summary(p.rows, p.maxWidth, p.minLength, p.maxLength, SequenceTarget.real());
    }

    /**
     * Target sequences profiled as the sequence (column 0, with any number as label): one value per step, token ids
     * or reals. Problems are reported against the label column {@code targetCol}.
     */
    public static Summary forTargets(SequenceDataProfile p, String targetCol) {
        if (p.rows == 0) {
            throw new InvalidDataException("the training DataFrame is empty; fit needs rows with a '" + targetCol
                    + "' target sequence (check the filters and the split that produced it)");
        }
        for (Map.Entry<SequenceIssue, Long> e : p.issueCounts.entrySet()) {
            throw new InvalidDataException(e.getKey().messageAbout("label column '" + targetCol + "'", targetCol,
                    e.getValue(), p.issueExamples.get(e.getKey())));
        }
        return new Summary(p.rows, 1, p.minLength, p.maxLength, SequenceTarget.real());
    }

    private static void requireClean(SequenceDataProfile p, String featuresCol, String labelCol,
                                     boolean classification) {
        if (p.rows == 0) {
            throw new InvalidDataException("the training DataFrame is empty; fit needs rows with a '" + featuresCol
                    + "' sequence and a '" + labelCol + "' label (check the filters and the split that produced it)");
        }
        for (Map.Entry<SequenceIssue, Long> e : p.issueCounts.entrySet()) {
            if (e.getKey().appliesTo(classification)) {
                throw new InvalidDataException(e.getKey().message(featuresCol, labelCol, e.getValue(),
                        p.issueExamples.get(e.getKey())));
            }
        }
        if (p.minWidth != p.maxWidth) {
            throw new InvalidDataException("the features column '" + featuresCol + "' holds steps of "
                    + p.minWidth + " feature(s), e.g. " + p.minWidthRow + ", and of " + p.maxWidth + ", e.g. "
                    + p.maxWidthRow + "; every step of every sequence needs the same number of features");
        }
    }
}
