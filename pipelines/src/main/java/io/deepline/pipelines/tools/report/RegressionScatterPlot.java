package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.RegressionSample;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A regressor's test rows as points: predicted against actual with the identity line a perfect model would sit on,
 * or the residuals (actual − predicted) against the prediction with the zero line (a funnel or a curve in them
 * shows what the model misses).
 */
public final class RegressionScatterPlot implements PngPlot {
    /** The file name of {@link #predictedVsActual}. */
    public static final String PREDICTED_FILE_NAME = "predicted-vs-actual.png";
    /** The file name of {@link #residuals}. */
    public static final String RESIDUALS_FILE_NAME = "residuals.png";

    private final RegressionSample sample;
    private final boolean residuals;

    private RegressionScatterPlot(RegressionSample sample, boolean residuals) {
        if (sample == null || sample.size() == 0) {
            throw new IllegalArgumentException("the regression sample has no points; draw it from scored rows with"
                    + " RegressionSample.of(scored, ...)");
        }
        this.sample = sample;
        this.residuals = residuals;
    }

    public static RegressionScatterPlot predictedVsActual(RegressionSample sample) {
        return new RegressionScatterPlot(sample, false);
    }

    public static RegressionScatterPlot residuals(RegressionSample sample) {
        return new RegressionScatterPlot(sample, true);
    }

    @Override
    public byte[] toPng() {
        double[] actual = sample.actual();
        double[] predicted = sample.predicted();
        String of = sample.size() < sample.rows() ? " (" + sample.size() + " of " + sample.rows() + " test rows)"
                : " (" + sample.size() + " test rows)";
        XYChart chart = residuals
                ? Charts.xy("Residuals" + of, "predicted", "actual − predicted")
                : Charts.xy("Predicted vs actual" + of, "actual", "predicted");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] y = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            y[i] = residuals ? actual[i] - predicted[i] : predicted[i];
            double x = residuals ? predicted[i] : actual[i];
            lo = Math.min(lo, Math.min(x, residuals ? x : y[i]));
            hi = Math.max(hi, Math.max(x, residuals ? x : y[i]));
        }
        double[] x = residuals ? predicted : actual;
        XYSeries reference = residuals
                ? chart.addSeries("zero", new double[] {lo, hi}, new double[] {0, 0})
                : chart.addSeries("identity (perfect)", new double[] {lo, hi}, new double[] {lo, hi});
        reference.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(SeriesLines.DASH_DASH);
        XYSeries points = chart.addSeries(residuals ? "residual" : "test row", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(31, 119, 180, 140));
        chart.getStyler().setMarkerSize(sample.size() > 500 ? 4 : 6);
        return Charts.png(chart);
    }
}
