package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.core.data.ClassificationDataCheck;
import io.deepline.pipelines.core.data.InvalidDataException;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import java.util.OptionalInt;

/**
 * The perceptron's data check: the shared {@link ClassificationDataCheck} (empty data, nulls, NaN/Inf, ragged
 * vectors, negative or non-integer labels, a single class), then "two classes at most", since labels 0 and 1
 * are the perceptron's -1 and +1.
 */
final class BinaryLabels {
    /** Appended to every label complaint, so the user learns what this stage accepts. */
    static final String HINT = "PerceptronClassifier is a binary classifier: labels must be 0 or 1"
            + " (0 stands for -1, 1 for +1)";

    private BinaryLabels() {
    }

    /**
     * @throws IllegalArgumentException naming the column, what was found and what is expected
     */
    static ClassificationDataCheck.Summary check(LabeledDataProfile profile, String featuresCol, String labelCol,
                                                 OptionalInt declaredClasses) {
        ClassificationDataCheck.Summary summary;
        try {
            summary = ClassificationDataCheck.check(profile, featuresCol, labelCol, declaredClasses);
        } catch (IllegalArgumentException e) {
            // The shared check explains label problems in terms of class indices 0, 1, 2 ...; add the binary
            // constraint, since "labels must be class indices" would lead a user to try label 2.
            if (e.getMessage() != null && e.getMessage().startsWith("the label column '" + labelCol + "'")) {
                throw new InvalidDataException(e.getMessage() + ". " + HINT, e);
            }
            throw e;
        }
        if (summary.numClasses() > 2) {
            String found = "has labels " + summary.classCounts().keySet();
            if (declaredClasses.isPresent() && declaredClasses.getAsInt() > 2) {
                found += " and its metadata declares " + declaredClasses.getAsInt() + " classes";
            }
            throw new InvalidDataException("the label column '" + labelCol + "' " + found + "; " + HINT
                    + ". Select two classes and index them as 0 and 1 first");
        }
        return summary;
    }
}
