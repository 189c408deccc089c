package io.deepline.pipelines.tools.selection;

import org.apache.spark.ml.tuning.CrossValidatorModel;

/**
 * What {@link KFoldCrossValidation} returns: MLlib's fitted model (best model refit on all the data, the
 * average metrics, and the k × grid fold models) and the per-fold report.
 */
public record CrossValidationResult(CrossValidatorModel model, CrossValidationReport report) {
}
