package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One number per epoch other than the loss: the validation metric (with the kept epoch marked) or the throughput
 * in examples per second. Epochs without a finite value are left out (and counted in the title).
 */
public final class EpochMetricPlot implements PngPlot {
    /** The file name of {@link #validationMetric}. */
    public static final String VALIDATION_FILE_NAME = "validation-metric.png";
    /** The file name of {@link #throughput}. */
    public static final String THROUGHPUT_FILE_NAME = "throughput.png";

    private final TrainingHistory history;
    private final String title;
    private final String yTitle;
    private final Function<EpochStats, Double> value;
    private final boolean markKept;

    private EpochMetricPlot(TrainingHistory history, String title, String yTitle, Function<EpochStats, Double> value,
                            boolean markKept) {
        if (history == null || history.numEpochs() == 0) {
            throw new IllegalArgumentException("the training history has no epochs, so there is nothing to plot per"
                    + " epoch; plot a history from a fitted model (its trainingHistory)");
        }
        this.history = history;
        this.title = title;
        this.yTitle = yTitle;
        this.value = value;
        this.markKept = markKept;
    }

    /** The validation metric per epoch, the kept (best) epoch marked; the history must have validated. */
    public static EpochMetricPlot validationMetric(TrainingHistory history) {
        if (history == null || !history.hasValidation()) {
            throw new IllegalArgumentException("the fit did not validate, so there is no validation metric to plot;"
                    + " give the model validation rows (e.g. validationFraction) or plot the loss only");
        }
        String name = "validation " + history.validationMetricName();
        return new EpochMetricPlot(history, name + " per epoch", name, EpochStats::validationMetric, true);
    }

    /** Examples per second per epoch: a slowing fit (memory, stragglers) shows as a falling line. */
    public static EpochMetricPlot throughput(TrainingHistory history) {
        return new EpochMetricPlot(history, "Throughput per epoch", "examples / s", EpochStats::examplesPerSecond,
                false);
    }

    @Override
    public byte[] toPng() {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int missing = 0;
        for (EpochStats e : history.epochs()) {
            Double v = value.apply(e);
            if (v != null && Double.isFinite(v)) {
                x.add((double) e.epoch());
                y.add(v);
            } else {
                missing++;
            }
        }
        XYChart chart = Charts.xy(title + (missing > 0 ? " (" + missing + " epochs without a value)" : ""), "epoch",
                yTitle);
        Charts.epochAxis(chart, history.epochs().get(history.numEpochs() - 1).epoch());
        if (!x.isEmpty()) {
            Charts.markers(chart.addSeries(yTitle, x, y), x.size(), SeriesMarkers.DIAMOND);
        }
        int best = history.bestEpoch();
        if (markKept && best >= 1) {
            chart.addAnnotation(new AnnotationLine(best, true, false));
            int i = x.indexOf((double) best);
            if (i >= 0) {
                XYSeries point = chart.addSeries("kept epoch " + best, new double[] {best}, new double[] {y.get(i)});
                point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                point.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0, 150, 0));
            }
        }
        return Charts.png(chart);
    }
}
