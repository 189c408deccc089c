package io.deepline.pipelines.core.data;

/** The checks every supervised fit shares: data present, features clean and of one size, labels present and finite. */
final class FeatureChecks {
    private FeatureChecks() {
    }

    static void requireCleanFeaturesAndLabels(LabeledDataProfile p, String featuresCol, String labelCol) {
        if (p.rows == 0) {
            throw new InvalidDataException("the training DataFrame is empty; fit needs rows with a '" + featuresCol
                    + "' vector and a '" + labelCol + "' label (check the filters and the split that produced it)");
        }
        if (p.nullFeatures > 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' has " + p.nullFeatures
                    + " null value(s) in " + p.rows + " rows; drop or impute those rows before fitting");
        }
        if (p.minSize != p.maxSize) {
            throw new InvalidDataException("the features column '" + featuresCol + "' holds vectors of different "
                    + "sizes (from " + p.minSize + " to " + p.maxSize + "); every row needs the same number of features");
        }
        if (p.maxSize == 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' holds empty vectors; "
                    + "a network needs at least one feature");
        }
        if (p.nonFiniteFeatureRows > 0) {
            throw new InvalidDataException("the features column '" + featuresCol + "' has NaN or infinite values in "
                    + p.nonFiniteFeatureRows + " row(s); impute them (e.g. with Imputer) or drop those rows");
        }
        if (p.nullLabels > 0) {
            throw new InvalidDataException("the label column '" + labelCol + "' has " + p.nullLabels
                    + " null value(s); every training row needs a label (drop unlabeled rows first)");
        }
        if (p.nonFiniteLabels > 0) {
            throw new InvalidDataException("the label column '" + labelCol + "' has NaN or infinite values in "
                    + p.nonFiniteLabels + " row(s); drop or fix those rows before fitting");
        }
    }
}
