package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.ProbabilityCurves;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The reliability diagram: per probability bin, the observed frequency of the class against the mean predicted
 * probability (pooled over the one-vs-rest classes), with the diagonal a calibrated model follows. Points above it
 * mean the model is under-confident there, below it over-confident.
 */
public final class CalibrationPlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "calibration.png";

    private final ProbabilityCurves curves;

    public CalibrationPlot(ProbabilityCurves curves) {
        if (curves == null) {
            throw new IllegalArgumentException("the probability curves are null; compute them with"
                    + " ProbabilityCurves.of(scored, ...)");
        }
        this.curves = curves;
    }

    @Override
    public byte[] toPng() {
        String pooled = curves.numCurves() == 1 ? "class " + curves.curveClass(0) : "all classes, one vs rest";
        XYChart chart = Charts.xy("Calibration (" + pooled + ", " + ProbabilityCurves.CALIBRATION_BINS + " bins)",
                "mean predicted probability", "observed frequency");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries ideal = chart.addSeries("calibrated", new double[] {0, 1}, new double[] {0, 1});
        ideal.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(SeriesLines.DASH_DASH);
        double[][] points = curves.calibration();
        if (points[0].length > 0) {
            chart.addSeries("model", points[0], points[1]).setMarker(SeriesMarkers.CIRCLE);
        }
        return Charts.png(chart);
    }
}
