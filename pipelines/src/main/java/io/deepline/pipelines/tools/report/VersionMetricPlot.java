package io.deepline.pipelines.tools.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A registry's versions side by side: each version's score on the promotion metric, the promoted versions in
 * green and the current champion marked by a vertical line, so a drift or a lucky version stands out.
 */
public final class VersionMetricPlot implements PngPlot {
    /** The file name registry pages use. */
    public static final String FILE_NAME = "versions.png";

    /** One version's point. */
    public record Point(int version, double score, boolean promoted) {
    }

    private final String metric;
    private final List<Point> points;
    private final int champion;

    /** @param champion the current champion's version, or 0 for none */
    public VersionMetricPlot(String metric, List<Point> points, int champion) {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("a version plot needs at least one version");
        }
        this.metric = metric;
        this.points = List.copyOf(points);
        this.champion = champion;
    }

    @Override
    public byte[] toPng() {
        XYChart chart = Charts.xy(metric + " per version" + (champion > 0 ? " (champion: version " + champion + ")"
                : ""), "version", metric);
        chart.getStyler().setXAxisDecimalPattern("#").setYAxisDecimalPattern("0.####");
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (Point p : points) {
            if (Double.isFinite(p.score())) {
                x.add((double) p.version());
                y.add(p.score());
                if (p.promoted()) {
                    px.add((double) p.version());
                    py.add(p.score());
                }
            }
        }
        if (!x.isEmpty()) {
            Charts.markers(chart.addSeries("challenger " + metric, x, y), x.size(), SeriesMarkers.DIAMOND);
        }
        if (!px.isEmpty()) {
            XYSeries promoted = chart.addSeries("promoted", px, py);
            promoted.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            promoted.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0, 150, 0));
        }
        if (champion > 0) {
            chart.addAnnotation(new AnnotationLine(champion, true, false));
        }
        if (!y.isEmpty() && y.stream().distinct().count() == 1) {
            // Equal scores: XChart would span a zero-height axis; pad it by 1 % (at least 0.001).
            double v = y.get(0);
            double pad = Math.max(1e-3, Math.abs(v) * 0.01);
            chart.getStyler().setYAxisMin(v - pad).setYAxisMax(v + pad);
        }
        if (points.size() == 1) {
            // One point: XChart would span a zero-width axis.
            chart.getStyler().setXAxisMin(points.get(0).version() - 1.0).setXAxisMax(points.get(0).version() + 1.0);
        }
        return Charts.png(chart);
    }
}
