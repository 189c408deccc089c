package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One peer's side of an allreduce round, on the channel to that peer. Each round, each direction carries two frames
 * in order: the sender's contribution to the receiver's chunk, then the mean of the sender's own chunk. A frame is a
 * 16-byte header (kind, round, flag or contributor count, array length) and, unless empty, the floats.
 *
 * <p>Buffers are direct (the socket writes and reads them without a copy) and grow only, so a trainer that
 * alternates params and optimizer state reuses them.
 */
final class PeerLink {
    static final int CONTRIBUTION = 0x444C4331; // "DLC1"
    static final int MEAN = 0x444C4D32; // "DLM2"
    private static final int HEADER_BYTES = 16;

    enum Stage { CONTRIBUTION_HEADER, CONTRIBUTION, MEAN_HEADER, MEAN, DONE }

    final int rank;
    final String address;
    final SocketChannel channel;
    SelectionKey key;

    private final ArrayDeque<ByteBuffer> outbox = new ArrayDeque<>();
    private final ByteBuffer contributionHeaderOut = header();
    private final ByteBuffer meanHeaderOut = header();
    private final ByteBuffer headerIn = header();
    private ByteBuffer contributionOut = empty();
    private ByteBuffer contributionIn = empty();
    private ByteBuffer meanIn = empty();

    private Stage stage = Stage.DONE;
    private int round;
    private int length;
    private int ownChunk;
    private int theirChunk;
    /** Whether the peer contributed to this round; valid once past {@link Stage#CONTRIBUTION_HEADER}. */
    boolean contributed;
    /** The contributor count the peer found; valid once past {@link Stage#MEAN_HEADER}. */
    int meanContributors;
    long lastProgressNanos;

    PeerLink(int rank, String address, SocketChannel channel) {
        this.rank = rank;
        this.address = address;
        this.channel = channel;
    }

    private static ByteBuffer header() {
        return ByteBuffer.allocateDirect(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer empty() {
        return ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A buffer of at least {@code bytes} capacity, limited to {@code bytes}: {@code current} if big enough. */
    static ByteBuffer sized(ByteBuffer current, int bytes) {
        ByteBuffer b = current.capacity() >= bytes ? current
                : ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.clear().limit(bytes);
        return b;
    }

    /**
     * Starts a round: queues this rank's contribution to the peer's chunk ({@code values[from, from + theirChunk)})
     * and expects the peer's contribution to our chunk of {@code ownChunk} floats.
     */
    void begin(int round, float[] values, boolean contributes, int from, int theirChunk, int ownChunk, long now) {
        this.round = round;
        this.length = values.length;
        this.ownChunk = ownChunk;
        this.theirChunk = theirChunk;
        outbox.clear();
        contributionHeaderOut.clear().putInt(CONTRIBUTION).putInt(round).putInt(contributes ? 1 : 0)
                .putInt(values.length).flip();
        outbox.add(contributionHeaderOut);
        if (contributes && theirChunk > 0) {
            contributionOut = sized(contributionOut, theirChunk * Float.BYTES);
            contributionOut.asFloatBuffer().put(values, from, theirChunk);
            outbox.add(contributionOut);
        }
        headerIn.clear();
        stage = Stage.CONTRIBUTION_HEADER;
        contributed = false;
        meanContributors = -1;
        lastProgressNanos = now;
    }

    /** Queues the mean of our chunk (shared, read-only: each peer gets its own view) after the contribution. */
    void sendMean(int contributors, ByteBuffer mean) {
        meanHeaderOut.clear().putInt(MEAN).putInt(round).putInt(contributors).putInt(length).flip();
        outbox.add(meanHeaderOut);
        if (contributors > 0 && mean.remaining() > 0) {
            outbox.add(mean.duplicate());
        }
    }

    Stage stage() {
        return stage;
    }

    /** The peer's contribution to our chunk, positioned at 0; valid once past {@link Stage#CONTRIBUTION}. */
    ByteBuffer contribution() {
        return contributionIn.duplicate().order(ByteOrder.LITTLE_ENDIAN).rewind();
    }

    /** The mean of the peer's chunk, positioned at 0; valid once {@link Stage#DONE}. */
    ByteBuffer mean() {
        return meanIn.duplicate().order(ByteOrder.LITTLE_ENDIAN).rewind();
    }

    boolean busy() {
        return stage != Stage.DONE || !outbox.isEmpty();
    }

    /** Sets the selector interest to what this link still waits for. */
    void updateInterest() {
        key.interestOps((stage != Stage.DONE ? SelectionKey.OP_READ : 0)
                | (outbox.isEmpty() ? 0 : SelectionKey.OP_WRITE));
    }

    /** Writes queued frames until the socket's buffer is full; true if anything was written. */
    boolean write() throws IOException {
        boolean progressed = false;
        while (!outbox.isEmpty()) {
            ByteBuffer head = outbox.peek();
            progressed |= channel.write(head) > 0;
            if (head.hasRemaining()) {
                break;
            }
            outbox.poll();
        }
        return progressed;
    }

    /**
     * Reads what the socket has for this round (never past the round's last frame: the peer may already have started
     * the next round).
     *
     * @return true if anything was read
     * @throws CollectiveFrameException on end of stream or a frame that does not fit this round
     */
    boolean read() throws IOException {
        boolean progressed = false;
        while (stage != Stage.DONE) {
            ByteBuffer target = switch (stage) {
                case CONTRIBUTION_HEADER, MEAN_HEADER -> headerIn;
                case CONTRIBUTION -> contributionIn;
                default -> meanIn;
            };
            if (target.hasRemaining()) {
                int n = channel.read(target);
                if (n < 0) {
                    throw new CollectiveFrameException("closed the connection while we waited for its "
                            + (stage.ordinal() < Stage.MEAN_HEADER.ordinal() ? "contribution" : "chunk's mean")
                            + ": it failed or was stopped (see its log)");
                }
                if (n == 0) {
                    return progressed;
                }
                progressed = true;
                if (target.hasRemaining()) {
                    continue;
                }
            }
            advance();
        }
        return progressed;
    }

    private void advance() {
        switch (stage) {
            case CONTRIBUTION_HEADER -> {
                int flag = checkHeader(CONTRIBUTION, "contribution");
                if (flag != 0 && flag != 1) {
                    throw new CollectiveFrameException("sent a contribution flag of " + flag + ", expected 0 or 1");
                }
                contributed = flag == 1;
                contributionIn = sized(contributionIn, contributed ? ownChunk * Float.BYTES : 0);
                stage = Stage.CONTRIBUTION;
            }
            case CONTRIBUTION -> {
                headerIn.clear();
                stage = Stage.MEAN_HEADER;
            }
            case MEAN_HEADER -> {
                meanContributors = checkHeader(MEAN, "chunk's mean");
                meanIn = sized(meanIn, meanContributors > 0 ? theirChunk * Float.BYTES : 0);
                stage = Stage.MEAN;
            }
            default -> stage = Stage.DONE;
        }
    }

    /** Checks the kind, round and length of the header just read; returns its flag or count field. */
    private int checkHeader(int kind, String what) {
        int theirKind = headerIn.getInt(0);
        int theirRound = headerIn.getInt(4);
        int field = headerIn.getInt(8);
        int theirLength = headerIn.getInt(12);
        if (theirKind != kind) {
            throw new CollectiveFrameException("sent a frame of kind " + Integer.toHexString(theirKind)
                    + " where its " + what + " belongs (corrupt stream or another protocol)");
        }
        if (theirRound != round) {
            throw new CollectiveFrameException("is at allreduce call " + theirRound + ", this rank at " + round
                    + ": the ranks called averageInto a different number of times");
        }
        if (theirLength != length) {
            throw new CollectiveFrameException("averages an array of " + theirLength + " floats, this rank one of "
                    + length + ": the ranks must pass arrays of the same length");
        }
        return field;
    }

    /** A frame from the peer does not fit the round; the caller adds the peer's name and our rank. */
    static final class CollectiveFrameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CollectiveFrameException(String message) {
            super(message, null, false, false);
        }
    }
}
