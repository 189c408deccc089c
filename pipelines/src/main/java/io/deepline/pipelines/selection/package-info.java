/**
 * Model selection (course §3.1.1–3.2): exact train/validation/test splits ({@link
 * io.deepline.pipelines.selection.DataSplits}, {@link io.deepline.pipelines.selection.Splits}) and k-fold cross
 * validation over MLlib's CrossValidator with every fold's metric reported ({@link
 * io.deepline.pipelines.selection.KFoldCrossValidation}, {@link
 * io.deepline.pipelines.selection.CrossValidationReport}). Splits are planned by one aggregation; rows are never
 * collected.
 */
package io.deepline.pipelines.selection;
