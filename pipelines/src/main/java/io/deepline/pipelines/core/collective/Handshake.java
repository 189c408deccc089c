package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The header a connecting rank sends before anything else, and its check on the accepting side: magic, version,
 * token (length-prefixed UTF-8), epoch, stage attempt, rank, all little-endian ints. The acceptor reads exactly the
 * header's bytes (never into the frames that may follow) and answers {@link #ACK} and its own rank.
 *
 * <p>The token length is checked before the token is read, so a stranger on the port cannot make a rank allocate or
 * wait for more than {@link #MAX_HEADER_BYTES}.
 */
final class Handshake {
    static final int MAGIC = 0x444C434C; // "DLCL"
    static final int VERSION = 1;
    static final int MAX_TOKEN_BYTES = 128;
    static final int ACK = 0x444C4F4B; // "DLOK"
    static final int ACK_BYTES = 8;
    private static final int PREFIX_BYTES = 12; // magic, version, token length
    private static final int SUFFIX_BYTES = 12; // epoch, stage attempt, rank
    static final int MAX_HEADER_BYTES = PREFIX_BYTES + MAX_TOKEN_BYTES + SUFFIX_BYTES;

    private final CollectiveGroup group;
    private final byte[] token;
    private final ByteBuffer in = ByteBuffer.allocate(MAX_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int tokenLength = -1;

    /** A check of one inbound connection's header against {@code group}. */
    Handshake(CollectiveGroup group) {
        this.group = group;
        this.token = tokenBytes(group);
        in.limit(PREFIX_BYTES);
    }

    /** A header was refused; the reason never contains either token. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The UTF-8 token, checked against the protocol's bound. */
    static byte[] tokenBytes(CollectiveGroup group) {
        byte[] bytes = group.token().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TOKEN_BYTES) {
            throw new IllegalArgumentException("a collective token must be at most " + MAX_TOKEN_BYTES
                    + " UTF-8 bytes, got " + bytes.length + "; the trainer should pass a short random token");
        }
        return bytes;
    }

    /** The header {@code group}'s rank sends to the peers it connects to. */
    static ByteBuffer header(CollectiveGroup group) {
        byte[] bytes = tokenBytes(group);
        ByteBuffer out = ByteBuffer.allocate(PREFIX_BYTES + bytes.length + SUFFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt(bytes.length).put(bytes)
                .putInt(group.epoch()).putInt(group.stageAttempt()).putInt(group.rank());
        return out.flip();
    }

    /** The acceptor's answer to a header it accepted. */
    static ByteBuffer ack(int acceptorRank) {
        return ByteBuffer.allocate(ACK_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(ACK).putInt(acceptorRank).flip();
    }

    /**
     * Reads what the channel has of the header.
     *
     * @return the sender's rank once the whole header is in and matches this group, -1 while it is incomplete
     * @throws Refused if the sender is not a lower rank of this very group, epoch and stage attempt
     */
    int readFrom(SocketChannel channel) throws IOException, Refused {
        if (channel.read(in) < 0) {
            throw new Refused("closed the connection after " + in.position() + " of the header's bytes");
        }
        if (in.hasRemaining()) {
            return -1;
        }
        if (tokenLength < 0) {
            int magic = in.getInt(0);
            int version = in.getInt(4);
            tokenLength = in.getInt(8);
            if (magic != MAGIC) {
                throw new Refused("it does not speak the Deepline collective protocol (magic "
                        + Integer.toHexString(magic) + ")");
            }
            if (version != VERSION) {
                throw new Refused("protocol version " + version + ", expected " + VERSION
                        + " (mixed Deepline versions on the cluster?)");
            }
            if (tokenLength < 0 || tokenLength > MAX_TOKEN_BYTES) {
                throw new Refused("token length " + tokenLength + " outside 0.." + MAX_TOKEN_BYTES);
            }
            in.limit(PREFIX_BYTES + tokenLength + SUFFIX_BYTES);
            return readFrom(channel);
        }
        byte[] theirs = new byte[tokenLength];
        in.get(PREFIX_BYTES, theirs);
        int at = PREFIX_BYTES + tokenLength;
        int epoch = in.getInt(at);
        int attempt = in.getInt(at + 4);
        int rank = in.getInt(at + 8);
        // Constant-time, so the time to refuse says nothing about how much of a guessed token was right.
        if (!MessageDigest.isEqual(theirs, token)) {
            throw new Refused("wrong token (it belongs to another fit)");
        }
        if (epoch != group.epoch()) {
            throw new Refused("epoch " + epoch + ", expected " + group.epoch());
        }
        if (attempt != group.stageAttempt()) {
            throw new Refused("stage attempt " + attempt + ", expected " + group.stageAttempt()
                    + " (a task of another attempt of this epoch's stage)");
        }
        if (rank < 0 || rank >= group.rank()) {
            throw new Refused("rank " + rank + ", but only ranks 0.." + (group.rank() - 1)
                    + " connect to rank " + group.rank());
        }
        return rank;
    }

    /** Whether {@code ack} (complete) is the acceptor {@code expectedRank}'s answer to our header. */
    static boolean isAck(ByteBuffer ack, int expectedRank) {
        return ack.getInt(0) == ACK && ack.getInt(4) == expectedRank;
    }
}
