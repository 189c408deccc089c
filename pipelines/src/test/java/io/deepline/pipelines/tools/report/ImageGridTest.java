package io.deepline.pipelines.tools.report;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.io.HadoopFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiles images into one grayscale PNG through Hadoop FileSystem. */
class ImageGridTest {

    private static double[] image(int height, int width, double value) {
        double[] pixels = new double[height * width];
        java.util.Arrays.fill(pixels, value);
        return pixels;
    }

    @Test
    void writesAGridOfTheRightSizeWithEachImageInItsCell(@TempDir Path dir) throws IOException {
        double[] gradient = new double[3 * 4];
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] = p / 11.0;
        }
        List<double[]> images = List.of(image(3, 4, 0.0), gradient, image(3, 4, 1.0), image(3, 4, 0.5),
                image(3, 4, 0.25));
        HadoopFiles files = new HadoopFiles(new Configuration());
        String path = dir.resolve("grid/samples.png").toString();
        ImageGrid.of(images, 3, 4, 2).write(files, path);

        assertTrue(Files.exists(dir.resolve("grid/samples.png")));
        BufferedImage png;
        try (InputStream in = files.open(path)) {
            png = ImageIO.read(in);
        }
        assertEquals(2 * 4, png.getWidth(), "2 columns of width 4");
        assertEquals(3 * 3, png.getHeight(), "⌈5 / 2⌉ = 3 rows of height 3");
        // Image 1 (grid row 0, column 1): its pixel (y 2, x 3) is value 11/11 = 1 → 255.
        assertEquals(255, png.getRaster().getSample(4 + 3, 2, 0));
        // Its pixel (y 1, x 1) is 5/11 → round(115.9) = 116.
        assertEquals(116, png.getRaster().getSample(4 + 1, 1, 0));
        assertEquals(255, png.getRaster().getSample(0, 3, 0), "image 2 is white");
        assertEquals(128, png.getRaster().getSample(5, 4, 0), "image 3 is 0.5 → 128");
        assertEquals(64, png.getRaster().getSample(2, 7, 0), "image 4 is 0.25 → 64");
        assertEquals(0, png.getRaster().getSample(6, 7, 0), "the empty last cell stays black");
    }

    @Test
    void rejectsWrongShapesValuesAndSizes() {
        assertFailsNaming(IllegalArgumentException.class, () -> ImageGrid.of(List.of(image(2, 2, 0)), 3, 3, 1),
                "image 0", "3 × 3");
        assertFailsNaming(IllegalArgumentException.class, () -> ImageGrid.of(List.of(image(2, 2, 1.5)), 2, 2, 1),
                "image 0", "1.5", "[0, 1]");
        assertFailsNaming(IllegalArgumentException.class, () -> ImageGrid.of(List.of(image(2, 2, Double.NaN)), 2, 2,
                1), "NaN");
        assertFailsNaming(IllegalArgumentException.class, () -> ImageGrid.of(List.of(), 2, 2, 1), "at least one");
        assertFailsNaming(IllegalArgumentException.class, () -> ImageGrid.of(List.of(image(2, 2, 0)), 2, 2, 0),
                "columns 0");
    }
}
