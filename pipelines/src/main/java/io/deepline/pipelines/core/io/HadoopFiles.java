package io.deepline.pipelines.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
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

    /** The text of a file this program wrote itself; read a saved model's files with {@code ModelSizeLimit.readText}. */
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

    /** The names of the files directly inside {@code dir}; empty when {@code dir} does not exist. */
    public List<String> listNames(String dir) {
        try {
            Path p = new Path(dir);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (FileStatus status : fs.listStatus(p)) {
                names.add(status.getPath().getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames {@code from} to {@code to} (same file system), replacing {@code to} if it exists. The rename itself is
     * atomic on HDFS and local disks; replacing deletes {@code to} first, since {@code FileSystem.rename} refuses an
     * existing destination on HDFS.
     */
    public void renameReplacing(String from, String to) {
        try {
            Path source = new Path(from);
            Path target = new Path(to);
            FileSystem fs = target.getFileSystem(conf);
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(source, target)) {
                throw new IOException("the file system refused the rename");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file if it exists. */
    public void deleteFile(String path) {
        try {
            Path p = new Path(path);
            p.getFileSystem(conf).delete(p, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** The size of a file in bytes. */
    public long length(String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).getFileStatus(p).getLen();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file; the caller closes the stream. */
    public InputStream open(String path) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).open(p);
    }
}
