package io.deepline.pipelines.tools.selection;

import io.deepline.pipelines.tools.report.Charts;
import io.deepline.pipelines.tools.report.PngPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A k-fold cross-validation (course §3.1.1, Fig. 7) at a glance: for each candidate, every fold's metric as a
 * small grey point and the mean ± std as a bar, the chosen candidate in green. Candidates are named on the x axis by
 * the values of the params that vary across the grid (e.g. {@code [16] · 0.01}; the axis title names the params),
 * in the order of {@code cv.csv}, whose rows name their params in full.
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
        List<String> varying = varyingParams(points);
        List<String> names = new ArrayList<>();
        for (int m = 0; m < points.size(); m++) {
            names.add(candidateName(points.get(m), varying, m));
        }
        XYChart chart = Charts.xy(report.numFolds() + "-fold cross-validation: " + report.metricName()
                + " per candidate (chosen " + names.get(report.bestIndex()) + ")",
                varying.isEmpty() ? "candidate" : String.join(" · ", varying), report.metricName());
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 1 && i <= points.size() ? names.get((int) i - 1) : "";
        });
        if (points.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
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

    /** The params whose value differs between candidates, in the order the first candidate lists them. */
    static List<String> varyingParams(List<CrossValidationReport.GridPoint> points) {
        List<String> varying = new ArrayList<>();
        for (String name : points.get(0).params().keySet()) {
            String first = points.get(0).params().get(name);
            if (points.stream().anyMatch(p -> !java.util.Objects.equals(first, p.params().get(name)))) {
                varying.add(name);
            }
        }
        return varying;
    }

    /** The varying params' values, e.g. {@code [16] · 0.01}; #n when no param varies (a single candidate). */
    static String candidateName(CrossValidationReport.GridPoint point, List<String> varying, int index) {
        if (varying.isEmpty()) {
            return "#" + (index + 1);
        }
        List<String> values = new ArrayList<>();
        for (String name : varying) {
            values.add(String.valueOf(point.params().get(name)));
        }
        return String.join(" · ", values);
    }
}
