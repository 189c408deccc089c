/**
 * Reports a person reads: PNG plots of a fixed size ({@link io.deepline.pipelines.tools.report.LearningCurvePlot},
 * {@link io.deepline.pipelines.tools.report.ConfusionHeatmapPlot}, {@link io.deepline.pipelines.tools.report.SelectionCurvePlot};
 * XChart, rendered headless), CSV tables and one self-contained HTML page
 * ({@link io.deepline.pipelines.tools.report.ReportPage}); {@link io.deepline.pipelines.tools.report.ReportFolder} writes them
 * all, through Hadoop FileSystem, into one folder.
 */
package io.deepline.pipelines.tools.report;
