package io.deepline.pipelines.tools.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A model-selection curve (course §3.2, Fig. 10): the metric on the training and on the validation rows for each
 * swept value of one hyper-parameter, with the chosen value marked.
 *
 * <p>The swept values are placed evenly, in the order given, and labelled with their text: values need not be
 * numbers (e.g. layer sizes [8, 8]), and log-spaced grids such as L2 strengths read naturally.
 */
public final class SelectionCurvePlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "model-selection.png";

    private final String paramName;
    private final String metricName;
    private final List<String> values;
    private final double[] train;
    private final double[] validation;
    private final int bestIndex;

    /**
     * @param values     the swept values' text, in sweep order
     * @param train      the metric on the training rows, one per value
     * @param validation the metric on the validation rows, one per value
     * @param bestIndex  the index of the chosen value, or -1 for none
     */
    public SelectionCurvePlot(String paramName, String metricName, List<String> values, double[] train,
                              double[] validation, int bestIndex) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a selection curve needs at least one swept value of '" + paramName
                    + "'");
        }
        if (train == null || validation == null || train.length != values.size()
                || validation.length != values.size()) {
            throw new IllegalArgumentException("a selection curve needs one training and one validation metric per"
                    + " swept value: " + values.size() + " values, " + (train == null ? "no" : train.length)
                    + " training and " + (validation == null ? "no" : validation.length) + " validation metrics");
        }
        if (bestIndex < -1 || bestIndex >= values.size()) {
            throw new IllegalArgumentException("the best index " + bestIndex + " is not one of the " + values.size()
                    + " swept values (or -1 for none)");
        }
        this.paramName = paramName;
        this.metricName = metricName;
        this.values = List.copyOf(values);
        this.train = train.clone();
        this.validation = validation.clone();
        this.bestIndex = bestIndex;
    }

    @Override
    public byte[] toPng() {
        String title = "Model selection: " + metricName + " by " + paramName
                + (bestIndex >= 0 ? " (chosen " + paramName + " = " + values.get(bestIndex) + ")" : "");
        XYChart chart = Charts.xy(title, paramName, metricName);
        // Ticks fall on whole positions; between them there is no value to name.
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 0 && i < values.size() ? values.get((int) i) : "";
        });
        // As the course's Fig. 10: training in black, validation in red.
        addFinite(chart, "training " + metricName, train, SeriesMarkers.CIRCLE, Color.BLACK);
        addFinite(chart, "validation " + metricName, validation, SeriesMarkers.DIAMOND, Color.RED);
        double[] all = new double[train.length + validation.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(validation, 0, all, train.length, validation.length);
        Charts.logYIfWide(chart, all);
        if (bestIndex >= 0) {
            chart.addAnnotation(new AnnotationLine(bestIndex, true, false));
            if (Double.isFinite(validation[bestIndex])) {
                XYSeries best = chart.addSeries("chosen " + values.get(bestIndex), new double[] {bestIndex},
                        new double[] {validation[bestIndex]});
                best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                best.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0, 150, 0));
            }
        }
        return Charts.png(chart);
    }

    /** Adds the finite points of a series (a diverged fit's NaN cannot be drawn), if any. */
    private static void addFinite(XYChart chart, String name, double[] metric, Marker marker, Color color) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < metric.length; i++) {
            if (Double.isFinite(metric[i])) {
                x.add((double) i);
                y.add(metric[i]);
            }
        }
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(name, x, y);
            series.setMarker(marker).setMarkerColor(color);
            series.setLineColor(color);
        }
    }
}
