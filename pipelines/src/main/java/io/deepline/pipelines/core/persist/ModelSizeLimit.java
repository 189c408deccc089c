package io.deepline.pipelines.core.persist;

import io.deepline.pipelines.core.io.HadoopFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The most bytes any one file of a saved model may hold once read (for {@code network.zip}: its compressed size,
 * and the sum of its entries' decompressed sizes), so that a model directory from an untrusted source, such as a
 * zip bomb, is refused before it fills the driver's memory.
 *
 * <p>Set it with the Spark setting {@value #KEY} in Spark's size syntax ({@code 8g}, {@code 512m}, plain bytes):
 * {@code --conf}, a job file's {@code spark.conf}, {@code -D} on the driver's JVM, or {@code spark.conf().set} at
 * run time. The default is {@link #defaultBytes()}.
 */
public record ModelSizeLimit(long maxBytes) {
    /** The Spark setting. */
    public static final String KEY = "spark.deepline.model.maxFileBytes";
    /**
     * The largest default. A big Deepline network (100 million params) with Adam's two state arrays is about
     * 1.2 GB of float32s, so 4 GiB leaves room while no realistic model meets it.
     */
    static final long FIXED_DEFAULT = 4L << 30;

    public ModelSizeLimit {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException(KEY + " must be positive, got " + maxBytes);
        }
    }

    /**
     * The smaller of 4 GiB and half the JVM's max heap: a loaded model keeps its params and optimizer state on the
     * heap (the snapshot every model holds), and ND4J's buffers, which hold them while loading, are capped at the
     * max heap by default; so a bomb stops with half the heap free, and a real model that large rarely fits.
     */
    public static long defaultBytes() {
        return Math.min(FIXED_DEFAULT, Runtime.getRuntime().maxMemory() / 2);
    }

    /** The text of a file of a saved model, refused with this limit's message when it holds more. */
    public String readText(HadoopFiles files, String path) {
        try (InputStream in = files.open(path)) {
            return new String(new LimitedInput(in, this, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The limit set in the active Spark session, or the default. */
    public static ModelSizeLimit current() {
        return parse(SparkSession.active().conf().get(KEY, null));
    }

    /** The limit for a setting's value; {@code null} or blank means the default. */
    public static ModelSizeLimit parse(String value) {
        if (value == null || value.isBlank()) {
            return new ModelSizeLimit(defaultBytes());
        }
        long bytes;
        try {
            bytes = JavaUtils.byteStringAsBytes(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(KEY + " is '" + value + "', not a size; give bytes or a size such as"
                    + " 8g or 512m", e);
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException(KEY + " is '" + value + "'; it must be a positive size such as 8g");
        }
        return new ModelSizeLimit(bytes);
    }

    /** The refusal for a file that holds more than the limit. */
    public Exceeded exceeded(String path) {
        return new Exceeded(path + " holds more than " + maxBytes + " bytes, the limit of "
                + KEY + " for a file of a saved model; if this model comes from a source you trust and is"
                + " really that large, raise the limit (for example --conf " + KEY + "=" + suggestedRaise()
                + "), otherwise do not load it: it may be a zip bomb");
    }

    private String suggestedRaise() {
        return (Math.max(1, maxBytes >> 30) * 2) + "g";
    }

    /** A file of a saved model passed the limit; the message names the file, the limit and how to raise it. */
    public static final class Exceeded extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }
}
