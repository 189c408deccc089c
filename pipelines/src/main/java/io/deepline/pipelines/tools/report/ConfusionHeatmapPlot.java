package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.eval.ClassificationReport;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * The confusion matrix C (course §3.1.2, Fig. 8) as a heat map: true class i down the rows, top to bottom, and
 * predicted class j across the columns, each cell shaded by its count and, up to {@link #MAX_CLASSES_WITH_COUNTS}
 * classes, labelled with it (beyond that the digits would not fit the cells).
 */
public final class ConfusionHeatmapPlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "confusion.png";
    /** Up to this many classes each cell shows its count. */
    public static final int MAX_CLASSES_WITH_COUNTS = 20;

    private final long[][] confusion;
    private final String[] labels;

    /**
     * @param labels the class names by class index, or null to name the classes by their indices
     */
    public ConfusionHeatmapPlot(ClassificationReport report, String[] labels) {
        if (report == null) {
            throw new IllegalArgumentException("the classification report is null; compute one with"
                    + " ClassificationReport.of(scored, ...)");
        }
        this.confusion = report.confusion();
        int k = confusion.length;
        this.labels = labels == null ? indexLabels(k) : labels.clone();
        if (this.labels.length != k) {
            throw new IllegalArgumentException("the confusion matrix has " + k + " classes but " + this.labels.length
                    + " labels were given (" + Arrays.toString(labels) + "); give one label per class index, or null");
        }
        for (int i = 0; i < k; i++) {
            if (this.labels[i] == null) {
                throw new IllegalArgumentException("the label of class " + i + " is null; give every class a name");
            }
        }
    }

    private static String[] indexLabels(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) {
            names[i] = Integer.toString(i);
        }
        return names;
    }

    @Override
    public byte[] toPng() {
        int k = confusion.length;
        HeatMapChart chart = Charts.heatMap("Confusion matrix (" + total() + " rows)", "predicted class",
                "true class");
        HeatMapStyler styler = chart.getStyler();
        styler.setShowValue(k <= MAX_CLASSES_WITH_COUNTS)
                .setHeatMapValueDecimalPattern("#")
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, k <= 8 ? 16 : 11))
                .setValueFontColor(Color.BLACK)
                // White to a mid blue, so the black counts stay readable on every cell.
                .setRangeColors(new Color[] {Color.WHITE, new Color(107, 174, 214)})
                .setMin(0)
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        // XChart draws y index 0 at the bottom; row i goes to y = k-1-i so class 0 is on top, as in the matrix.
        List<String> predicted = Arrays.asList(labels);
        List<String> trueTopDown = new ArrayList<>(predicted);
        Collections.reverse(trueTopDown);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cells.add(new Number[] {j, k - 1 - i, confusion[i][j]});
            }
        }
        chart.addSeries("count", predicted, trueTopDown, cells);
        return Charts.png(chart);
    }

    private long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }
}
