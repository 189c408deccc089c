/**
 * Model selection (course §3.1.1–3.2): exact train/validation/test splits ({@link
 * io.deepline.pipelines.tools.selection.DataSplits}, {@link io.deepline.pipelines.tools.selection.Splits}); k-fold cross
 * validation over MLlib's CrossValidator with every fold's metric reported ({@link
 * io.deepline.pipelines.tools.selection.KFoldCrossValidation}, {@link
 * io.deepline.pipelines.tools.selection.CrossValidationReport}); and {@link
 * io.deepline.pipelines.tools.selection.ModelSelectionCurve}, which sweeps one param of any MLlib estimator or pipeline and
 * measures training and validation metrics per value ({@link io.deepline.pipelines.tools.selection.SelectionResult}:
 * DataFrame, CSV, the chosen value, the Fig. 10 plot). Splits are planned by one aggregation; rows are never
 * collected.
 */
package io.deepline.pipelines.tools.selection;
