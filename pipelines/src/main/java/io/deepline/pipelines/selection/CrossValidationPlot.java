package io.deepline.pipelines.selection;

import io.deepline.pipelines.report.Charts;
import io.deepline.pipelines.report.PngPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A k-fold cross-validation (course §3.1.1, Fig. 7) at a glance: for each candidate, every fold's metric as a
 * small grey point and the mean ± std as a bar, the chosen candidate in green. Candidates are numbered 1..n on the
 * x axis, in the order of {@code cv.csv}, whose rows name their params.
 */
public final class CrossValidationPlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "cv.png";

    private final CrossValidationReport report;

    public CrossValidationPlot(CrossValidationReport report) {
        if (report == null || report.gridPoints().isEmpty()) {
            throw new IllegalArgumentException("a cross-validation plot needs a report with at least one candidate");
        }
        this.report = report;
    }

    @Override
    public byte[] toPng() {
        List<CrossValidationReport.GridPoint> points = report.gridPoints();
        // The chosen candidate's params go on the x axis title: a long grid description would not fit the title.
        XYChart chart = Charts.xy(report.numFolds() + "-fold cross-validation: " + report.metricName()
                + " per candidate (chosen #" + (report.bestIndex() + 1) + ")",
                "candidate (row of cv.csv); chosen: " + report.best().description(), report.metricName());
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 1 && i <= points.size() ? "#" + i : "";
        });
        List<Double> foldX = new ArrayList<>();
        List<Double> foldY = new ArrayList<>();
        double[] x = new double[points.size()];
        double[] mean = new double[points.size()];
        double[] std = new double[points.size()];
        for (int m = 0; m < points.size(); m++) {
            CrossValidationReport.GridPoint p = points.get(m);
            x[m] = m + 1;
            mean[m] = p.mean();
            std[m] = p.std().orElse(0);
            for (double f : p.foldMetrics()) {
                foldX.add(m + 1.0);
                foldY.add(f);
            }
        }
        if (!foldX.isEmpty()) {
            XYSeries folds = chart.addSeries("fold " + report.metricName(), foldX, foldY);
            folds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            folds.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Color.GRAY);
        }
        XYSeries means = chart.addSeries("mean ± std", x, mean, std);
        means.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        means.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK);
        XYSeries best = chart.addSeries("chosen", new double[] {report.bestIndex() + 1.0},
                new double[] {report.best().mean()});
        best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        best.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0, 150, 0));
        return Charts.png(chart);
    }
}
