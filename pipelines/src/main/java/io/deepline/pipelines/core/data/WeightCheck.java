package io.deepline.pipelines.core.data;

/**
 * Checks the row weights a {@link LabeledDataProfile} saw: every weight present, finite and non-negative, and
 * not all zero. The message names the column and how to fix it.
 */
public final class WeightCheck {
    private WeightCheck() {
    }

    public static void require(LabeledDataProfile p, String weightCol) {
        if (p.nullWeights > 0) {
            throw new InvalidDataException("the weight column '" + weightCol + "' has " + p.nullWeights
                    + " null value(s); fill them (e.g. na.fill(1.0, [\"" + weightCol + "\"])) or drop those rows");
        }
        if (p.invalidWeights > 0) {
            throw new InvalidDataException("the weight column '" + weightCol + "' has " + p.invalidWeights
                    + " negative, NaN or infinite value(s), e.g. " + p.exampleInvalidWeight
                    + "; weights must be finite and >= 0");
        }
        if (!(p.weightSum > 0)) {
            throw new InvalidDataException("every weight in the column '" + weightCol + "' is 0, so no row"
                    + " counts in the loss; give some rows a positive weight");
        }
    }
}
