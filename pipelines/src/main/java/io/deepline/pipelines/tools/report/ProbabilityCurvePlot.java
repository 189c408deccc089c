package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.ProbabilityCurves;
import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ROC or the precision-recall curve of each one-vs-rest class (class 1 alone for a binary problem), each named
 * with its class and area, on the unit square.
 */
public final class ProbabilityCurvePlot implements PngPlot {
    /** The file name of {@link #roc}. */
    public static final String ROC_FILE_NAME = "roc.png";
    /** The file name of {@link #precisionRecall}. */
    public static final String PR_FILE_NAME = "precision-recall.png";

    private final ProbabilityCurves curves;
    private final String[] labels;
    private final boolean roc;

    private ProbabilityCurvePlot(ProbabilityCurves curves, String[] labels, boolean roc) {
        if (curves == null) {
            throw new IllegalArgumentException("the probability curves are null; compute them with"
                    + " ProbabilityCurves.of(scored, ...)");
        }
        if (labels != null && labels.length != curves.numClasses()) {
            throw new IllegalArgumentException("the curves are of " + curves.numClasses() + " classes but "
                    + labels.length + " labels were given; give one label per class index, or null");
        }
        this.curves = curves;
        this.labels = labels == null ? null : labels.clone();
        this.roc = roc;
    }

    /** @param labels class names by index, or null for the indices */
    public static ProbabilityCurvePlot roc(ProbabilityCurves curves, String[] labels) {
        return new ProbabilityCurvePlot(curves, labels, true);
    }

    /** @param labels class names by index, or null for the indices */
    public static ProbabilityCurvePlot precisionRecall(ProbabilityCurves curves, String[] labels) {
        return new ProbabilityCurvePlot(curves, labels, false);
    }

    @Override
    public byte[] toPng() {
        String kind = curves.numCurves() == 1 ? "" : " (one vs rest)";
        XYChart chart = roc
                ? Charts.xy("ROC curve" + kind, "false positive rate", "true positive rate")
                : Charts.xy("Precision-recall curve" + kind, "recall", "precision");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setMarkerSize(0);
        if (roc) {
            XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
            chance.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(SeriesLines.DASH_DASH);
        }
        for (int c = 0; c < curves.numCurves(); c++) {
            double[][] xy = roc ? curves.roc(c) : curves.precisionRecall(c);
            if (xy[0].length == 0) {
                continue; // a class absent from the rows has no curve
            }
            double area = roc ? curves.areaUnderRoc(c) : curves.areaUnderPr(c);
            int k = curves.curveClass(c);
            String name = "class " + (labels == null ? Integer.toString(k) : labels[k])
                    + String.format(Locale.ROOT, " (%s %.3f)", roc ? "AUC" : "AP", area);
            chart.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.NONE);
        }
        return Charts.png(chart);
    }
}
