package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss per epoch of a fit: the training loss and, when the fit validated, the validation loss, with the best epoch
 * (the one whose params the model holds) marked by a vertical line and a point. Readable from 1 to thousands of
 * epochs: markers only up to {@value Charts#MAX_POINTS_WITH_MARKERS} epochs, round ticks, and a log y axis once the
 * losses span a decade (a regression's squared error falls from thousands to tens and would look flat).
 *
 * <p>Epochs whose loss is not finite (a diverged fit) cannot be drawn; they are left out and counted in the title,
 * so the plot never hides them silently.
 */
public final class LearningCurvePlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "learning-curve.png";

    private final TrainingHistory history;

    public LearningCurvePlot(TrainingHistory history) {
        if (history == null || history.numEpochs() == 0) {
            throw new IllegalArgumentException("the training history has no epochs, so there is no learning curve"
                    + " to plot; plot a history from a fitted model (its trainingHistory)");
        }
        this.history = history;
    }

    @Override
    public byte[] toPng() {
        List<Double> epochs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<Double> validationEpochs = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        int notFinite = 0;
        for (EpochStats e : history.epochs()) {
            if (Double.isFinite(e.loss())) {
                epochs.add((double) e.epoch());
                losses.add(e.loss());
            } else {
                notFinite++;
            }
            if (e.hasValidation()) {
                if (Double.isFinite(e.validationLoss())) {
                    validationEpochs.add((double) e.epoch());
                    validationLosses.add(e.validationLoss());
                } else {
                    notFinite++;
                }
            }
        }
        String title = "Learning curve" + (notFinite > 0 ? " (" + notFinite + " non-finite losses not shown)" : "");
        XYChart chart = Charts.xy(title, "epoch", "loss");
        Charts.epochAxis(chart, history.epochs().get(history.numEpochs() - 1).epoch());
        if (!epochs.isEmpty()) {
            Charts.markers(chart.addSeries("training loss", epochs, losses), epochs.size(), SeriesMarkers.CIRCLE);
        }
        if (!validationEpochs.isEmpty()) {
            Charts.markers(chart.addSeries("validation loss", validationEpochs, validationLosses),
                    validationEpochs.size(), SeriesMarkers.DIAMOND);
            markBestEpoch(chart);
        }
        Charts.logYIfSpans(chart, 10, Stream.concat(losses.stream(), validationLosses.stream())
                .mapToDouble(Double::doubleValue).toArray());
        return Charts.png(chart);
    }

    private void markBestEpoch(XYChart chart) {
        int best = history.bestEpoch();
        if (best < 1) {
            return;
        }
        Double loss = history.epochs().stream().filter(e -> e.epoch() == best).findFirst()
                .map(EpochStats::validationLoss).orElse(null);
        chart.addAnnotation(new AnnotationLine(best, true, false));
        if (loss != null && Double.isFinite(loss)) {
            XYSeries point = chart.addSeries("kept epoch " + best, new double[] {best}, new double[] {loss});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
