package io.deepline.pipelines.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small-file I/O on any Hadoop FileSystem, with errors that name the path. */
public final class HadoopFiles {
    private final Configuration conf;

    public HadoopFiles(Configuration conf) {
        this.conf = conf;
    }

    public boolean exists(String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check whether " + path + " exists: " + e.getMessage(), e);
        }
    }

    public void writeText(String path, String text) {
        writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates (overwrites) a file holding {@code bytes}. */
    public void writeBytes(String path, byte[] bytes) {
        try (OutputStream out = create(path)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public String readText(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Creates (overwrites) a file; the caller closes the stream. */
    public OutputStream create(String path) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).create(p, true);
    }

    /** Opens a file; the caller closes the stream. */
    public InputStream open(String path) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).open(p);
    }
}
