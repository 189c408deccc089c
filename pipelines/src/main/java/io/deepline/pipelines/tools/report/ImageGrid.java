package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.core.io.HadoopFiles;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small grayscale images (e.g. digits a VAE generated) tiled into one PNG: image i sits in grid row i / columns,
 * column i % columns, with no gaps, so the PNG is (⌈n / columns⌉ · height) × (columns · width) pixels. Each image
 * is {@code height × width} values in [0, 1], row-major (as MNIST's p0..p783), drawn as gray round(255 · v)
 * (0 black, 1 white); cells after the last image stay black. Validated on construction.
 */
public final class ImageGrid {
    private final List<double[]> images;
    private final int height;
    private final int width;
    private final int columns;

    private ImageGrid(List<double[]> images, int height, int width, int columns) {
        this.images = images;
        this.height = height;
        this.width = width;
        this.columns = columns;
    }

    /**
     * @param images  at least one image of {@code height · width} values in [0, 1]
     * @param columns images per grid row, &gt; 0
     */
    public static ImageGrid of(List<double[]> images, int height, int width, int columns) {
        if (height <= 0 || width <= 0 || columns <= 0) {
            throw new IllegalArgumentException("an image grid needs height, width and columns > 0, got height "
                    + height + ", width " + width + ", columns " + columns);
        }
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("an image grid needs at least one image, got none");
        }
        List<double[]> copies = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            double[] pixels = images.get(i);
            if (pixels == null || pixels.length != height * width) {
                throw new IllegalArgumentException("image " + i + " has " + (pixels == null ? "no" : pixels.length)
                        + " values but the shape " + height + " × " + width + " needs " + height * width
                        + "; pass the image shape the rows were made with");
            }
            for (int p = 0; p < pixels.length; p++) {
                if (!(pixels[p] >= 0 && pixels[p] <= 1)) {
                    throw new IllegalArgumentException("image " + i + " has " + pixels[p] + " at pixel " + p
                            + "; pixels must lie in [0, 1] (scale them, e.g. divide 0..255 values by 255)");
                }
            }
            copies.add(pixels.clone());
        }
        return new ImageGrid(copies, height, width, columns);
    }

    /**
     * The first {@code limit} vectors of {@code column} as images (only those rows reach the driver; keep
     * {@code limit} to what fits in a picture).
     */
    public static List<double[]> firstImages(Dataset<Row> rows, String column, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 images, got " + limit);
        }
        List<double[]> out = new ArrayList<>();
        for (Row r : rows.select(column).limit(limit).collectAsList()) {
            Vector v = (Vector) r.get(0);
            if (v == null) {
                throw new IllegalArgumentException("the column '" + column + "' has a null vector; drop such rows "
                        + "before drawing them");
            }
            out.add(v.toArray());
        }
        return out;
    }

    /** Grid height in pixels. */
    public int pixelHeight() {
        return (images.size() + columns - 1) / columns * height;
    }

    /** Grid width in pixels. */
    public int pixelWidth() {
        return columns * width;
    }

    /** The grid as an 8-bit grayscale image. */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(pixelWidth(), pixelHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int i = 0; i < images.size(); i++) {
            int top = i / columns * height;
            int left = i % columns * width;
            double[] pixels = images.get(i);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(left + x, top + y, 0, (int) Math.round(255 * pixels[y * width + x]));
                }
            }
        }
        return image;
    }

    /** The grid as PNG bytes. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image grid as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG to {@code path} on any Hadoop FileSystem, replacing an old file. */
    public void write(HadoopFiles files, String path) {
        files.writeBytes(path, toPng());
    }
}
