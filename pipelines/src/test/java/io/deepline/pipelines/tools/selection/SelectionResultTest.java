package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The choice follows the metric's direction, ignores undefined values, and the CSV keeps labels intact. */
class SelectionResultTest {

    private static SelectionPoint point(Object value, String label, double train, double validation) {
        return new SelectionPoint(value, label, train, validation);
    }

    @Test
    void choosesByTheMetricsDirectionFirstOfEquals() {
        List<SelectionPoint> points = List.of(point(1, "1", 0.9, 0.70), point(2, "2", 0.8, 0.90),
                point(3, "3", 0.6, Double.NaN), point(4, "4", 0.5, 0.90), point(5, "5", 0.4, 0.60));
        assertEquals(2, new SelectionResult("degree", "accuracy", true, points).bestValue(), "highest, first of ties");
        assertEquals(5, new SelectionResult("degree", "logLoss", false, points).bestValue(), "lowest");
        assertEquals(4, new SelectionResult("degree", "logLoss", false, points).bestIndex());
    }

    @Test
    void noFiniteValidationMetricMeansNoChoice() throws IOException {
        SelectionResult result = new SelectionResult("l2", "rmse", false,
                List.of(point(0.1, "0.1", 1, Double.NaN), point(1.0, "1.0", 2, Double.POSITIVE_INFINITY)));
        IllegalStateException e = assertThrows(IllegalStateException.class, result::bestValue);
        assertTrue(e.getMessage().contains("'l2'") && e.getMessage().contains("finite validation rmse"),
                e.getMessage());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(result.plot().toPng()));
        assertEquals(500, png.getHeight(), "the curve still plots, with nothing marked");
    }

    @Test
    void csvQuotesLabelsWithCommas() {
        SelectionResult result = new SelectionResult("hiddenLayers", "logLoss", false,
                List.of(point(new int[] {8}, "[8]", 0.5, 0.6), point(new int[] {8, 8}, "[8,8]", 0.25, 0.5)));
        assertEquals("hiddenLayers,train_logLoss,validation_logLoss\n[8],0.5,0.6\n\"[8,8]\",0.25,0.5\n",
                result.toCsv());
    }
}
