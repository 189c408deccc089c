package io.deepline.pipelines.tools.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every plot decodes as a PNG of the documented size, headless, and draws what it is given. */
class PlotsTest {

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "the bytes are not an image ImageIO reads");
            return image;
        } catch (IOException e) {
            throw new AssertionError("cannot decode the PNG", e);
        }
    }

    static void assertPlotSize(byte[] png) {
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "PNG signature");
        BufferedImage image = decode(png);
        assertEquals(PngPlot.WIDTH, image.getWidth());
        assertEquals(PngPlot.HEIGHT, image.getHeight());
    }

    /** A fit that validated: training loss falls, validation loss falls then rises (the best epoch is its min). */
    static TrainingHistory validatedHistory(int epochs) {
        List<EpochStats> stats = new ArrayList<>();
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int e = 1; e <= epochs; e++) {
            double validationLoss = 0.4 + 0.02 * (e - epochs / 2.0) * (e - epochs / 2.0);
            stats.add(new EpochStats(e, 1.0 / e, 0.1, 100, 1000, validationLoss, 1 - validationLoss / 2));
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                best = e;
            }
        }
        return new TrainingHistory(stats, "accuracy", best, false);
    }

    @Test
    void learningCurvesRenderWithAndWithoutValidation() {
        TrainingHistory validated = validatedHistory(12);
        byte[] withBest = new LearningCurvePlot(validated).toPng();
        assertPlotSize(withBest);
        assertTrue(GraphicsEnvironment.isHeadless(), "plots render headless (jobs run without a display)");

        byte[] noBestMarked = new LearningCurvePlot(validated.withValidationOutcome("accuracy", 0, false)).toPng();
        assertPlotSize(noBestMarked);
        assertFalse(Arrays.equals(withBest, noBestMarked), "the best epoch is drawn");

        List<EpochStats> plain = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            plain.add(new EpochStats(e, Math.exp(-e), 0.1, 100, 1000));
        }
        assertPlotSize(new LearningCurvePlot(new TrainingHistory(plain)).toPng());
        assertPlotSize(new LearningCurvePlot(new TrainingHistory(plain.subList(0, 1))).toPng());
    }

    @Test
    void divergedEpochsAreLeftOutNotFatal() {
        List<EpochStats> stats = List.of(new EpochStats(1, 2.0, 0.1, 10, 100),
                new EpochStats(2, Double.NaN, 0.1, 10, 100), new EpochStats(3, Double.POSITIVE_INFINITY, 0.1, 10, 100));
        assertPlotSize(new LearningCurvePlot(new TrainingHistory(stats)).toPng());
        List<EpochStats> allNaN = List.of(new EpochStats(1, Double.NaN, 0.1, 10, 100));
        assertPlotSize(new LearningCurvePlot(new TrainingHistory(allNaN)).toPng());
    }

    @Test
    void confusionHeatmapsRenderWithLabelsAndCounts() {
        ClassificationReport report = new ClassificationReport(new long[][] {{50, 0, 0}, {0, 47, 3}, {0, 4, 46}},
                OptionalDouble.empty());
        byte[] named = new ConfusionHeatmapPlot(report, new String[] {"setosa", "versicolor", "virginica"}).toPng();
        assertPlotSize(named);
        byte[] indexed = new ConfusionHeatmapPlot(report, null).toPng();
        assertPlotSize(indexed);
        assertFalse(Arrays.equals(named, indexed), "the labels are drawn");

        long[][] many = new long[ConfusionHeatmapPlot.MAX_CLASSES_WITH_COUNTS + 5][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new long[many.length];
            many[i][i] = 10 + i;
            many[i][(i + 1) % many.length] = 1;
        }
        assertPlotSize(new ConfusionHeatmapPlot(new ClassificationReport(many, OptionalDouble.empty()), null).toPng());
    }

    @Test
    void selectionCurvesRenderNumbersAndArraysAsValues() {
        byte[] degrees = new SelectionCurvePlot("degree", "logLoss", List.of("1", "2", "3", "4"),
                new double[] {1.0, 0.7, 0.5, 0.2}, new double[] {1.1, 0.8, 1.2, 3.0}, 1).toPng();
        assertPlotSize(degrees);
        byte[] unmarked = new SelectionCurvePlot("degree", "logLoss", List.of("1", "2", "3", "4"),
                new double[] {1.0, 0.7, 0.5, 0.2}, new double[] {1.1, 0.8, 1.2, 3.0}, -1).toPng();
        assertFalse(Arrays.equals(degrees, unmarked), "the chosen value is drawn");
        assertPlotSize(new SelectionCurvePlot("hiddenLayers", "accuracy", List.of("[]", "[8]", "[8,8]"),
                new double[] {0.8, 0.9, Double.NaN}, new double[] {0.7, 0.85, Double.NaN}, 1).toPng());
        assertPlotSize(new SelectionCurvePlot("l2", "rmse", List.of("0.01"), new double[] {0.3}, new double[] {0.4}, 0)
                .toPng());
    }

    @Test
    void epochPlotsStayReadableFromOneToAThousandEpochs() {
        for (int epochs : new int[] {1, 1000}) {
            TrainingHistory history = validatedHistory(epochs);
            assertPlotSize(new LearningCurvePlot(history).toPng());
            assertPlotSize(EpochMetricPlot.validationMetric(history).toPng());
            assertPlotSize(EpochMetricPlot.throughput(history).toPng());
        }
        org.knowm.xchart.XYChart chart = Charts.xy("t", "x", "y");
        org.knowm.xchart.XYSeries few = chart.addSeries("few", new double[] {1, 2}, new double[] {1, 2});
        Charts.markers(few, 50, org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE, few.getMarker());
        org.knowm.xchart.XYSeries many = chart.addSeries("many", new double[] {1, 2}, new double[] {1, 2});
        Charts.markers(many, 51, org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, many.getMarker(), "past 50 points no markers");
        org.knowm.xchart.XYChart wide = Charts.xy("t", "x", "y");
        Charts.logYIfSpans(wide, 10, new double[] {2900, 29700});
        assertTrue(wide.getStyler().isYAxisLogarithmic(), "the diabetes loss, 29700 to 2900, gets a log axis");
        IllegalArgumentException noValidation = assertThrows(IllegalArgumentException.class,
                () -> EpochMetricPlot.validationMetric(new TrainingHistory(validatedHistory(3).epochs())));
        assertTrue(noValidation.getMessage().contains("did not validate"), noValidation.getMessage());
    }

    @Test
    void regressionScattersAndVersionPlotsRender() {
        io.deepline.pipelines.eval.RegressionSample sample = new io.deepline.pipelines.eval.RegressionSample(
                new double[] {1, 2, 3, 4}, new double[] {1.1, 1.9, 3.3, 3.6}, 10);
        assertPlotSize(RegressionScatterPlot.predictedVsActual(sample).toPng());
        assertPlotSize(RegressionScatterPlot.residuals(sample).toPng());
        assertPlotSize(new VersionMetricPlot("f1Macro", List.of(new VersionMetricPlot.Point(1, 0.9, true),
                new VersionMetricPlot.Point(2, 0.85, false), new VersionMetricPlot.Point(3, Double.NaN, false)), 1)
                .toPng());
        assertPlotSize(new VersionMetricPlot("rmse", List.of(new VersionMetricPlot.Point(1, 3.0, true)), 1).toPng());
        assertThrows(IllegalArgumentException.class, () -> RegressionScatterPlot.residuals(
                new io.deepline.pipelines.eval.RegressionSample(new double[0], new double[0], 0)));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new LearningCurvePlot(TrainingHistory.empty()));
        assertTrue(empty.getMessage().contains("no epochs"), empty.getMessage());

        ClassificationReport report = new ClassificationReport(new long[][] {{1, 0}, {0, 1}}, OptionalDouble.empty());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionHeatmapPlot(report, new String[] {"a", "b", "c"}));
        assertTrue(labels.getMessage().contains("2 classes") && labels.getMessage().contains("3 labels"),
                labels.getMessage());
        IllegalArgumentException nullLabel = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionHeatmapPlot(report, new String[] {"a", null}));
        assertTrue(nullLabel.getMessage().contains("class 1"), nullLabel.getMessage());

        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new SelectionCurvePlot("degree", "logLoss", List.of("1", "2"), new double[] {1},
                        new double[] {1, 2}, 0));
        assertTrue(lengths.getMessage().contains("2 values, 1 training"), lengths.getMessage());
        IllegalArgumentException best = assertThrows(IllegalArgumentException.class,
                () -> new SelectionCurvePlot("degree", "logLoss", List.of("1"), new double[] {1}, new double[] {1}, 1));
        assertTrue(best.getMessage().contains("best index 1"), best.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new SelectionCurvePlot("degree", "logLoss", List.of(), new double[0], new double[0], -1));
        assertTrue(none.getMessage().contains("'degree'"), none.getMessage());
    }
}
