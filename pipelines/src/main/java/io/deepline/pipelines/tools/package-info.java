/**
 * The top layer of the library, built on the stages: model selection (exact splits, k-fold cross-validation,
 * model-selection curves: {@code selection}) and the self-contained HTML reports with their plots
 * ({@code report}). Nothing below depends on a tool; {@code PackageStructureTest} checks it.
 */
package io.deepline.pipelines.tools;
