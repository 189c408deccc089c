package io.deepline.pipelines.tools.report;

import io.deepline.pipelines.core.io.HadoopFiles;

/**
 * A plot rendered to a PNG of a fixed size, {@link #WIDTH} × {@link #HEIGHT} pixels, so report pages lay out
 * alike and tests can check the image.
 */
public interface PngPlot {
    /** Image width in pixels. */
    int WIDTH = 800;
    /** Image height in pixels. */
    int HEIGHT = 500;

    /** The plot as PNG bytes (rendered headless). */
    byte[] toPng();

    /** Writes the PNG to {@code path} on any Hadoop FileSystem, replacing an old file. */
    default void write(HadoopFiles files, String path) {
        files.writeBytes(path, toPng());
    }
}
