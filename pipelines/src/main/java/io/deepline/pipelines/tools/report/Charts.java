package io.deepline.pipelines.tools.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Creates XChart charts of the fixed plot size and encodes them to PNG.
 *
 * <p>Every chart is made here, so the class initializer below runs before any AWT class is used: jobs run under
 * spark-submit on machines without a display, where AWT must be headless (it reads the property once). Public for
 * the plots of higher packages (e.g. selection's cross-validation plot), so they share the size and style.
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    public static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, PngPlot.WIDTH, PngPlot.HEIGHT);
    }

    /** An XY chart of another size: a panel of a plot that puts several side by side. */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        // The legend below the plot: inside, it would cover a rising validation curve.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal)
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE);
        return chart;
    }

    static HeatMapChart heatMap(String title, String xTitle, String yTitle) {
        // With an explicit theme: XChart 3.8.8's HeatMapStyler sets its fonts only from a theme (else a null font).
        HeatMapChart chart = new HeatMapChart(PngPlot.WIDTH, PngPlot.HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
        return chart;
    }

    /**
     * Puts the y axis on a log scale when the values are all positive and span two decades or more: a
     * model-selection curve's validation log-loss of an overfit model dwarfs the rest, and a training loss near 0
     * would otherwise flatten onto the axis.
     */
    static void logYIfWide(XYChart chart, double... values) {
        logYIfSpans(chart, 100, values);
    }

    /** As {@link #logYIfWide(XYChart, double...)}, with log scale from a max/min ratio of {@code ratio}. */
    static void logYIfSpans(XYChart chart, double ratio, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (v <= 0) {
                    return;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max >= ratio * min) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
    }

    /**
     * An x axis of epochs 1..{@code lastEpoch} readable from 1 to thousands of epochs: whole numbers only, the axis
     * from 0 so that XChart's ticks fall on round numbers (0, 50, 100 rather than 1, 17, 33), and no ticks closer
     * than about 70 pixels.
     */
    static void epochAxis(XYChart chart, int lastEpoch) {
        chart.getStyler().setXAxisDecimalPattern("#").setXAxisMin(0.0)
                .setXAxisMax((double) Math.max(lastEpoch, 2)).setXAxisTickMarkSpacingHint(70);
    }

    /** Up to this many points a series shows its markers; beyond, they merge into a thick line. */
    static final int MAX_POINTS_WITH_MARKERS = 50;

    /** The series' marker, or none when it has too many points to show each. */
    static void markers(XYSeries series, int points, Marker marker) {
        series.setMarker(points <= MAX_POINTS_WITH_MARKERS ? marker : SeriesMarkers.NONE);
    }

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the plot '" + chart.getTitle() + "' as PNG: "
                    + e.getMessage(), e);
        }
    }
}
