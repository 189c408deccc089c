package io.deepline.pipelines.core.persist;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes actually read through it and fails as soon as they pass a {@link ModelSizeLimit}, so nothing
 * trusts sizes declared in a file's headers. Closing it leaves the underlying stream open: a zip's entries are
 * read through one such stream to bound their sum.
 */
final class LimitedInput extends FilterInputStream {
    private final ModelSizeLimit limit;
    private final String path;
    private long count;
    private boolean exceeded;

    LimitedInput(InputStream in, ModelSizeLimit limit, String path) {
        super(in);
        this.limit = limit;
        this.path = path;
    }

    /** Whether reading stopped at the limit; true also when a caller wrapped that failure in another exception. */
    boolean exceeded() {
        return exceeded;
    }

    /** The bytes read through this stream so far. */
    long count() {
        return count;
    }

    /**
     * Fails with the limit's message unless the limit leaves room for {@code bytes} more after the first
     * {@code position} bytes: a reader about to allocate what a header declares checks it is not more than the
     * stream could still deliver.
     */
    void requireRoomFor(long position, long bytes) {
        if (bytes > limit.maxBytes() - position) {
            exceeded = true;
            throw limit.exceeded(path);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit.maxBytes() - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit.maxBytes() - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the owner of the underlying stream closes it
    }

    private void counted(long n) {
        count += n;
        if (count > limit.maxBytes()) {
            exceeded = true;
            throw limit.exceeded(path);
        }
    }
}
