package io.deepline.pipelines.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.io.HadoopFiles;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.TrainingHistory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gradients.png: drawn from the history's per-layer keys, of the plot size, and written by report folders. */
class GradientDiagnosticsPlotTest {

    /** Three layers whose norms fall by a decade per layer towards the input; {@code dead} adds ReLU shares. */
    static TrainingHistory vanishing(int epochs, boolean dead) {
        List<EpochStats> stats = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            Map<String, Double> d = new LinkedHashMap<>();
            if (dead) {
                d.put("deadUnits.0", Math.min(1.0, 0.1 * e));
                d.put("deadUnits.1", 0.0);
            }
            d.put("gradientNorm.0", 1e-3 / e);
            d.put("gradientNorm.1", 1e-2 / e);
            d.put("gradientNorm.2", 1e-1 / e);
            stats.add(new EpochStats(e, 1.0 / e, 0.1, 100, 1000, null, null, 0.1 / e, d));
        }
        return new TrainingHistory(stats);
    }

    @Test
    void rendersNormsAloneOrBesideDeadShares() {
        byte[] normsOnly = new GradientDiagnosticsPlot(vanishing(5, false)).toPng();
        byte[] withDead = new GradientDiagnosticsPlot(vanishing(5, true)).toPng();
        PlotsTest.assertPlotSize(normsOnly);
        PlotsTest.assertPlotSize(withDead);
        assertFalse(Arrays.equals(normsOnly, withDead), "the dead-unit panel is drawn");
        BufferedImage image = PlotsTest.decode(withDead);
        // The right half holds its own chart: not a blank background.
        boolean drawnRight = false;
        int background = image.getRGB(PngPlot.WIDTH - 2, PngPlot.HEIGHT / 2);
        for (int x = PngPlot.WIDTH / 2 + 10; x < PngPlot.WIDTH - 10 && !drawnRight; x++) {
            drawnRight = image.getRGB(x, PngPlot.HEIGHT / 2) != background;
        }
        assertTrue(drawnRight, "the right half shows the dead-unit chart");
        assertFalse(Arrays.equals(withDead, new GradientDiagnosticsPlot(vanishing(6, true)).toPng()),
                "another history draws another plot");
    }

    @Test
    void zeroAndNonFiniteNormsAreLeftOutNotFatal() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("gradientNorm.0", 0.0);
        d.put("gradientNorm.1", Double.NaN);
        d.put("deadUnits.0", 1.0);
        TrainingHistory allDead = new TrainingHistory(List.of(new EpochStats(1, 1.0, 0.1, 10, 100, null, null, 0.0,
                d)));
        PlotsTest.assertPlotSize(new GradientDiagnosticsPlot(allDead).toPng());
        PlotsTest.assertPlotSize(new GradientDiagnosticsPlot(vanishing(1, false)).toPng());
    }

    @Test
    void aHistoryWithoutTheKeysIsRefusedWithTheParamToSet() {
        TrainingHistory plain = new TrainingHistory(List.of(new EpochStats(1, 1.0, 0.1, 10, 100)));
        assertFalse(GradientDiagnosticsPlot.applies(plain));
        assertFalse(GradientDiagnosticsPlot.applies(null));
        assertTrue(GradientDiagnosticsPlot.applies(vanishing(2, false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDiagnosticsPlot(plain));
        assertTrue(e.getMessage().contains("gradientDiagnostics=true"), e.getMessage());
    }

    @Test
    void reportFoldersWriteItOnlyForHistoriesWithTheKeys(@TempDir Path dir) throws Exception {
        HadoopFiles files = new HadoopFiles(new Configuration());
        List<String> written = new ReportFolder("diag", "{}").withHistory(vanishing(3, true))
                .write(files, dir.resolve("with").toString());
        // The folder's other files (throughput, metrics.json, ...) come and go with the page; gradients.png is ours.
        assertTrue(written.contains("gradients.png"), written.toString());
        assertEquals("index.html", written.get(written.size() - 1));
        PlotsTest.assertPlotSize(Files.readAllBytes(dir.resolve("with/gradients.png")));
        assertTrue(Files.readString(dir.resolve("with/index.html")).contains("src=\"gradients.png\""));

        List<String> plain = new ReportFolder("plain", "{}").withHistory(new TrainingHistory(List.of(
                new EpochStats(1, 1.0, 0.1, 10, 100)))).write(files, dir.resolve("without").toString());
        assertFalse(plain.contains("gradients.png"), plain.toString());
        assertTrue(plain.contains("learning-curve.png"), plain.toString());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> new ReportFolder("r", "{}").withPlot(GradientDiagnosticsPlot.FILE_NAME, "mine",
                        new GradientDiagnosticsPlot(vanishing(1, false))));
        assertTrue(reserved.getMessage().contains("gradients.png"), reserved.getMessage());
    }
}
