/**
 * Model selection (course §3.2): {@link io.deepline.pipelines.selection.ModelSelectionCurve} sweeps one param of any
 * MLlib estimator or pipeline and measures training and validation metrics per value
 * ({@link io.deepline.pipelines.selection.SelectionResult}: DataFrame, CSV, the chosen value, the Fig. 10 plot).
 */
package io.deepline.pipelines.selection;
