package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.LayerDiagnostics;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The per-epoch diagnostics of a fit with {@code gradientDiagnostics} (course §4.5): on the left the gradient norm
 * of every layer per epoch on a log axis (lines fanning out by decades mean vanishing or exploding gradients), on
 * the right the share of dead units of every hidden ReLU layer (left out when the network has none).
 *
 * <p>A norm of 0 (a layer that received no gradient, e.g. all of its ReLUs dead) or a non-finite one cannot be
 * drawn on a log axis; such points are left out and counted in the title.
 */
public final class GradientDiagnosticsPlot implements PngPlot {
    /** The file name report folders use. */
    public static final String FILE_NAME = "gradients.png";

    private final TrainingHistory history;

    public GradientDiagnosticsPlot(TrainingHistory history) {
        if (!applies(history)) {
            throw new IllegalArgumentException("the training history has no per-layer gradient norms to plot; fit"
                    + " with gradientDiagnostics=true (and plot that model's trainingHistory)");
        }
        this.history = history;
    }

    /** Whether {@code history} has per-layer gradient norms, i.e. whether a report should show this plot. */
    public static boolean applies(TrainingHistory history) {
        return history != null && !layers(history, LayerDiagnostics.GRADIENT_NORM).isEmpty();
    }

    @Override
    public byte[] toPng() {
        XYChart norms = chart(LayerDiagnostics.GRADIENT_NORM, "Gradient norm per layer", "L2 norm", true);
        boolean hasDead = !layers(history, LayerDiagnostics.DEAD_UNITS).isEmpty();
        if (!hasDead) {
            return Charts.png(norms);
        }
        XYChart dead = chart(LayerDiagnostics.DEAD_UNITS, "Dead ReLU units", "share of units", false);
        dead.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(BitmapEncoder.getBufferedImage(norms), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(dead), WIDTH / 2, 0, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the gradient diagnostics plot as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** One line per layer of the keys starting with {@code prefix}; full width unless dead shares share the image. */
    private XYChart chart(String prefix, String title, String yTitle, boolean logY) {
        boolean half = !layers(history, LayerDiagnostics.DEAD_UNITS).isEmpty();
        List<String> names = layers(history, prefix);
        List<List<Double>> xs = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        int leftOut = 0;
        for (String name : names) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (EpochStats e : history.epochs()) {
                Double v = e.diagnostics() == null ? null : e.diagnostics().get(prefix + name);
                if (v == null) {
                    continue;
                }
                if (Double.isFinite(v) && (!logY || v > 0)) {
                    x.add((double) e.epoch());
                    y.add(v);
                } else {
                    leftOut++;
                }
            }
            xs.add(x);
            ys.add(y);
        }
        String fullTitle = title + (leftOut > 0 ? " (" + leftOut + " zero or non-finite values not shown)" : "");
        XYChart chart = Charts.xy(fullTitle, "epoch", yTitle, half ? WIDTH / 2 : WIDTH, HEIGHT);
        chart.getStyler().setXAxisDecimalPattern("#");
        boolean drawn = false;
        // A layer keeps its colour in both panels (the dead-unit panel lists only the ReLU layers).
        List<String> all = layers(history, LayerDiagnostics.GRADIENT_NORM);
        Color[] colors = chart.getStyler().getSeriesColors();
        for (int i = 0; i < names.size(); i++) {
            if (!xs.get(i).isEmpty()) {
                int colour = Math.max(0, all.indexOf(names.get(i))) % colors.length;
                XYSeries series = chart.addSeries("layer " + names.get(i), xs.get(i), ys.get(i));
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setLineColor(colors[colour]);
                series.setMarkerColor(colors[colour]);
                drawn = true;
            }
        }
        // A log axis needs a positive value to scale to.
        chart.getStyler().setYAxisLogarithmic(logY && drawn);
        return chart;
    }

    /** The layer names of the keys starting with {@code prefix}, in the order the history lists them. */
    private static List<String> layers(TrainingHistory history, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        for (EpochStats e : history.epochs()) {
            if (e.diagnostics() != null) {
                for (Map.Entry<String, Double> entry : e.diagnostics().entrySet()) {
                    if (entry.getKey().startsWith(prefix)) {
                        names.add(entry.getKey().substring(prefix.length()));
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
