package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one rank to every other: it connects to each higher rank and accepts each lower one, one channel per pair,
 * all at once on one selector and within one timeout. An inbound connection must present this group's header before
 * it counts; anything else (a stranger, a task of an earlier stage attempt, a second connection claiming a rank) is
 * closed with a warning and the rank keeps waiting for the right peer.
 */
final class MeshBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(MeshBuilder.class);
    private static final long SELECT_MILLIS = 100;
    // Unchecked connections held at once; more are refused, so a port scan cannot exhaust file descriptors.
    private static final int MAX_UNCHECKED = 64;

    private final CollectiveGroup group;
    private final String[] addresses;
    private final BooleanSupplier cancelled;
    private final SocketChannel[] peers;
    private final boolean[] ready;
    private final List<SocketChannel> opened = new ArrayList<>();
    private int unchecked;
    private int missing;

    private MeshBuilder(CollectiveGroup group, String[] addresses, BooleanSupplier cancelled) {
        this.group = group;
        this.addresses = addresses;
        this.cancelled = cancelled;
        this.peers = new SocketChannel[group.size()];
        this.ready = new boolean[group.size()];
        this.missing = group.size() - 1;
    }

    /** The peers' channels indexed by rank (null at this rank's index), non-blocking, handshake done. */
    static SocketChannel[] connect(CollectiveGroup group, ServerSocketChannel server, String[] addresses,
                                   BooleanSupplier cancelled) {
        MeshBuilder builder = new MeshBuilder(group, addresses, cancelled);
        boolean done = false;
        try (Selector selector = Selector.open()) {
            builder.run(selector, server);
            done = true;
            return builder.peers;
        } catch (IOException e) {
            throw new CollectiveException("rank " + group.rank() + " could not set up its collective: " + e, e);
        } finally {
            for (SocketChannel channel : builder.opened) {
                if (!done || !builder.isPeer(channel)) {
                    Peers.closeQuietly(channel);
                }
            }
        }
    }

    private boolean isPeer(SocketChannel channel) {
        for (SocketChannel peer : peers) {
            if (peer == channel) {
                return true;
            }
        }
        return false;
    }

    private void run(Selector selector, ServerSocketChannel server) throws IOException {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(group.settings().timeoutMillis());
        long deadline = System.nanoTime() + timeoutNanos;
        server.configureBlocking(false);
        if (group.rank() > 0) {
            server.register(selector, SelectionKey.OP_ACCEPT);
        }
        for (int peer = group.rank() + 1; peer < group.size(); peer++) {
            startConnect(selector, peer);
        }
        while (missing > 0) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CollectiveException("rank " + group.rank() + " was cancelled while connecting to its peers;"
                        + " still waiting for " + missingPeers());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CollectiveException("rank " + group.rank() + " could not connect to all peers within "
                        + group.settings().timeoutMillis() + " ms (" + CollectiveSettings.TIMEOUT_KEY + "); still"
                        + " waiting for " + missingPeers() + ". Check that the peer runs, that it belongs to the same"
                        + " fit and stage attempt (its log warns of refused headers), and that the firewall opens "
                        + CollectiveSettings.PORTS_KEY + " between executors");
            }
            selector.select(SELECT_MILLIS);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (!key.isValid()) {
                    continue;
                }
                if (key.attachment() == null) {
                    accept(selector, server);
                } else if (key.attachment() instanceof Outbound out) {
                    out.step(key);
                } else {
                    ((Inbound) key.attachment()).step(key);
                }
            }
        }
        // Closing the selector deregisters the peers' channels, ready for the allreduce's own selector.
    }

    private String missingPeers() {
        StringBuilder s = new StringBuilder();
        for (int peer = 0; peer < group.size(); peer++) {
            if (peer != group.rank() && !ready[peer]) {
                s.append(s.length() == 0 ? "" : ", ").append(Peers.describe(peer, addresses[peer]))
                        .append(peer < group.rank() ? " (to connect to us)" : " (to accept our header)");
            }
        }
        return s.toString();
    }

    private void startConnect(Selector selector, int peer) throws IOException {
        SocketChannel channel = SocketChannel.open();
        opened.add(channel);
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Outbound out = new Outbound(peer, channel);
        try {
            boolean connected = channel.connect(Peers.socketAddress(addresses[peer]));
            channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, out);
        } catch (IOException e) {
            throw out.failed("could not connect", e);
        }
    }

    private void accept(Selector selector, ServerSocketChannel server) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            opened.add(channel);
            if (unchecked >= MAX_UNCHECKED) {
                LOG.warn("rank {} refused a connection from {}: {} connections already wait for their header",
                        group.rank(), channel.getRemoteAddress(), MAX_UNCHECKED);
                Peers.closeQuietly(channel);
                continue;
            }
            unchecked++;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Inbound(channel));
        }
    }

    /** A connection to a higher rank: connect, send our header, wait for its ack. */
    private final class Outbound {
        private final int peer;
        private final SocketChannel channel;
        private final ByteBuffer header = Handshake.header(group);
        private final ByteBuffer ack = ByteBuffer.allocate(Handshake.ACK_BYTES).order(ByteOrder.LITTLE_ENDIAN);

        Outbound(int peer, SocketChannel channel) {
            this.peer = peer;
            this.channel = channel;
        }

        void step(SelectionKey key) {
            try {
                if (key.isConnectable()) {
                    if (channel.finishConnect()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                } else if (key.isWritable()) {
                    channel.write(header);
                    if (!header.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (key.isReadable()) {
                    if (channel.read(ack) < 0) {
                        throw failed("closed the connection instead of accepting our header: it belongs to another"
                                + " fit, epoch or stage attempt (its log says which), or it died", null);
                    }
                    if (!ack.hasRemaining()) {
                        if (!Handshake.isAck(ack, peer)) {
                            throw failed("answered our header with something other than its ack", null);
                        }
                        key.interestOps(0);
                        done(peer, channel);
                    }
                }
            } catch (IOException e) {
                throw failed("failed during the handshake", e);
            }
        }

        CollectiveException failed(String what, IOException cause) {
            return new CollectiveException("rank " + group.rank() + ": peer " + Peers.describe(peer, addresses[peer])
                    + " " + what + (cause == null ? "" : ": " + cause), cause);
        }
    }

    /** A connection from a presumed lower rank: read and check its header, then ack. */
    private final class Inbound {
        private final SocketChannel channel;
        private final Handshake check = new Handshake(group);
        private int peer = -1;
        private ByteBuffer ack;

        Inbound(SocketChannel channel) {
            this.channel = channel;
        }

        void step(SelectionKey key) throws IOException {
            if (peer < 0 && key.isReadable()) {
                int rank;
                try {
                    rank = check.readFrom(channel);
                } catch (Handshake.Refused | IOException e) {
                    refuse(key, e instanceof Handshake.Refused ? e.getMessage() : e.toString());
                    return;
                }
                if (rank < 0) {
                    return;
                }
                if (peers[rank] != null) {
                    refuse(key, "rank " + rank + " is already connected");
                    return;
                }
                peer = rank;
                peers[rank] = channel;
                ack = Handshake.ack(group.rank());
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (peer >= 0 && key.isValid() && key.isWritable()) {
                try {
                    channel.write(ack);
                } catch (IOException e) {
                    throw new CollectiveException("rank " + group.rank() + ": peer "
                            + Peers.describe(peer, addresses[peer]) + " failed during the handshake: " + e, e);
                }
                if (!ack.hasRemaining()) {
                    key.interestOps(0);
                    unchecked--;
                    done(peer, channel);
                }
            }
        }

        private void refuse(SelectionKey key, String reason) throws IOException {
            // The reason names what differed, never the token itself: the log is readable by more people than
            // the fit's tasks.
            LOG.warn("rank {} of epoch {} refused a connection from {}: {}", group.rank(), group.epoch(),
                    channel.getRemoteAddress(), reason);
            unchecked--;
            key.cancel();
            Peers.closeQuietly(channel);
        }
    }

    private void done(int peer, SocketChannel channel) {
        peers[peer] = channel;
        ready[peer] = true;
        missing--;
    }
}
