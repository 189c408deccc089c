package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Collective} over a full mesh of TCP connections, one per pair of ranks, driven by one selector.
 *
 * <p>An allreduce is a reduce-scatter then an allgather: chunk {@code i} of the array (see {@link Chunks}) is owned
 * by rank {@code i}. Every rank sends chunk {@code j} of its array to rank {@code j}; each owner sums its chunk over
 * the contributing ranks in rank order, in double, divides by their number and rounds to float; then it sends the
 * mean to every other rank. Each rank moves about twice its array's bytes whatever the group's size. All sends and
 * receives are non-blocking and progress together, so neither a large array nor the order in which the ranks
 * arrive can deadlock.
 *
 * <p>The sum starts from {@code -0.0}, the exact identity of IEEE addition: it equals the sum "from 0" for every input
 * except that an element that is {@code -0.0} on every contributor stays {@code -0.0}, as the driver-side
 * {@code RoundSum} keeps it (a single contribution comes back bit for bit).
 *
 * <p>Any failure (a peer's end of stream, a frame out of step, a peer silent for the timeout, cancellation) closes
 * every connection at once, so the peers fail promptly too rather than wait for their timeout, and leaves this object
 * unusable. Not thread-safe: one task thread calls it.
 */
public final class NioMeshCollective implements Collective {
    private static final Logger LOG = LoggerFactory.getLogger(NioMeshCollective.class);
    private static final long SELECT_MILLIS = 100;

    private final CollectiveGroup group;
    private final BooleanSupplier cancelled;
    private final PeerLink[] links; // by rank, null at ours; empty for a group of one
    private final Selector selector;
    private ByteBuffer meanOut = PeerLink.sized(ByteBuffer.allocateDirect(0), 0);
    private double[] sums = new double[0];
    private float[] scratch = new float[0];
    private int round;
    private RuntimeException failure;
    private boolean closed;

    private NioMeshCollective(CollectiveGroup group, BooleanSupplier cancelled, PeerLink[] links,
                              Selector selector) {
        this.group = group;
        this.cancelled = cancelled;
        this.links = links;
        this.selector = selector;
    }

    /**
     * Listens, publishes this rank's address through {@code exchange}, and connects to every peer, checking each
     * one's token, epoch and stage attempt. A group of one opens nothing and calls nothing.
     *
     * @param cancelled checked at least every 100 ms while waiting: true makes the wait fail (the task was killed)
     * @throws CollectiveException if no port of the range is free, or a peer cannot be connected within the timeout
     */
    public static NioMeshCollective open(CollectiveGroup group, AddressExchange exchange, BooleanSupplier cancelled) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(cancelled, "cancelled");
        if (group.size() == 1) {
            return new NioMeshCollective(group, cancelled, new PeerLink[0], null);
        }
        Handshake.tokenBytes(group); // fail on a bad token before taking a port
        long start = System.nanoTime();
        String[] addresses;
        SocketChannel[] channels;
        // The listening socket lives only until the lower ranks have connected: no stranger can reach the
        // rank afterwards, and the port is free for the next epoch.
        try (ServerSocketChannel server = ListenSocket.bind(group.host(), group.settings())) {
            String mine = Peers.address(group.host(), server.socket().getLocalPort());
            addresses = Peers.check(exchange.allGather(mine), group, mine);
            channels = MeshBuilder.connect(group, server, addresses, cancelled);
        } catch (IOException e) {
            throw new CollectiveException("rank " + group.rank() + " could not close its listening socket: " + e, e);
        }
        PeerLink[] links = new PeerLink[group.size()];
        Selector selector = null;
        try {
            selector = Selector.open();
            for (int peer = 0; peer < links.length; peer++) {
                if (peer != group.rank()) {
                    links[peer] = new PeerLink(peer, addresses[peer], channels[peer]);
                    links[peer].key = channels[peer].register(selector, 0, links[peer]);
                }
            }
        } catch (IOException e) {
            Peers.closeQuietly(selector);
            Arrays.stream(channels).forEach(Peers::closeQuietly);
            throw new CollectiveException("rank " + group.rank() + " could not set up its selector: " + e, e);
        }
        LOG.debug("Collective rank {} of {} (epoch {}, attempt {}) connected to its peers in {} ms", group.rank(),
                group.size(), group.epoch(), group.stageAttempt(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new NioMeshCollective(group, cancelled, links, selector);
    }

    @Override
    public int rank() {
        return group.rank();
    }

    @Override
    public int size() {
        return group.size();
    }

    @Override
    public int averageInto(float[] values, boolean contributes) {
        Objects.requireNonNull(values, "values");
        if (closed) {
            throw new IllegalStateException("collective rank " + group.rank() + " is closed");
        }
        if (failure != null) {
            throw new IllegalStateException("collective rank " + group.rank() + " failed earlier and cannot be used"
                    + " again: " + failure.getMessage(), failure);
        }
        if (group.size() == 1) {
            return contributes ? 1 : 0; // the mean of one contribution is itself, bit for bit
        }
        round++;
        try {
            return exchange(values, contributes);
        } catch (CollectiveException e) {
            throw fail(e);
        } catch (ClosedSelectorException | java.nio.channels.CancelledKeyException e) {
            throw fail(new CollectiveException("rank " + group.rank() + " was closed during allreduce call " + round,
                    e));
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private int exchange(float[] values, boolean contributes) {
        int n = group.size();
        int me = group.rank();
        int length = values.length;
        int ownChunk = Chunks.size(length, n, me);
        long now = System.nanoTime();
        for (PeerLink link : links) {
            if (link != null) {
                link.begin(round, values, contributes, Chunks.start(length, n, link.rank),
                        Chunks.size(length, n, link.rank), ownChunk, now);
                step(link, true);
            }
        }
        int contributors = -1;
        while (true) {
            if (contributors < 0 && allContributionsIn()) {
                contributors = reduceOwnChunk(values, contributes, ownChunk);
                for (PeerLink link : links) {
                    if (link != null) {
                        link.sendMean(contributors, meanOut);
                        step(link, true);
                    }
                }
            }
            if (contributors >= 0 && !anyBusy()) {
                break;
            }
            // An interrupt (Spark's task kill) would make every select return at once: treat it as cancellation.
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CollectiveException("rank " + me + " was cancelled in allreduce call " + round
                        + " while waiting for " + awaited().describe());
            }
            checkTimeouts();
            try {
                selector.select(SELECT_MILLIS);
            } catch (IOException e) {
                throw new CollectiveException("rank " + me + ": its selector failed: " + e, e);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                step((PeerLink) key.attachment(), key.isValid() && key.isWritable());
            }
        }
        for (PeerLink link : links) {
            if (link != null) {
                checkAgreement(link, contributors);
                if (contributors > 0) {
                    FloatBuffer mean = link.mean().asFloatBuffer();
                    mean.get(values, Chunks.start(length, n, link.rank), mean.remaining());
                }
            }
        }
        return contributors;
    }

    /** Reads and writes what the link's socket allows now, and records the progress for the timeout. */
    private void step(PeerLink link, boolean write) {
        try {
            boolean progressed = write && link.write();
            if (link.stage() != PeerLink.Stage.DONE) {
                progressed |= link.read();
            }
            if (progressed) {
                link.lastProgressNanos = System.nanoTime();
            }
            link.updateInterest();
        } catch (PeerLink.CollectiveFrameException e) {
            throw peerFailure(link, e.getMessage(), null);
        } catch (IOException e) {
            throw peerFailure(link, "its connection failed: " + e, e);
        }
    }

    private boolean allContributionsIn() {
        for (PeerLink link : links) {
            if (link != null && link.stage().ordinal() < PeerLink.Stage.MEAN_HEADER.ordinal()) {
                return false;
            }
        }
        return true;
    }

    private boolean anyBusy() {
        for (PeerLink link : links) {
            if (link != null && link.busy()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sums our chunk over the contributors in rank order (ours at our rank), writes the mean into {@code values} and
     * into {@link #meanOut}, and returns the number of contributors.
     */
    private int reduceOwnChunk(float[] values, boolean contributes, int ownChunk) {
        int from = Chunks.start(values.length, group.size(), group.rank());
        if (sums.length < ownChunk) {
            sums = new double[ownChunk];
            scratch = new float[ownChunk];
        }
        Arrays.fill(sums, 0, ownChunk, -0.0);
        int contributors = 0;
        for (int r = 0; r < group.size(); r++) {
            float[] source;
            int offset;
            if (r == group.rank()) {
                if (!contributes) {
                    continue;
                }
                source = values;
                offset = from;
            } else {
                if (!links[r].contributed) {
                    continue;
                }
                links[r].contribution().asFloatBuffer().get(scratch, 0, ownChunk);
                source = scratch;
                offset = 0;
            }
            contributors++;
            for (int k = 0; k < ownChunk; k++) {
                sums[k] += source[offset + k];
            }
        }
        meanOut = PeerLink.sized(meanOut, contributors > 0 ? ownChunk * Float.BYTES : 0);
        if (contributors > 0) {
            for (int k = 0; k < ownChunk; k++) {
                values[from + k] = (float) (sums[k] / contributors);
            }
            meanOut.asFloatBuffer().put(values, from, ownChunk);
        }
        return contributors;
    }

    /** Every owner must have counted the same contributors: the flags it got are the flags we got. */
    private void checkAgreement(PeerLink link, int contributors) {
        if (link.meanContributors != contributors) {
            throw peerFailure(link, "averaged its chunk over " + link.meanContributors + " contributors, this rank"
                    + " counted " + contributors + ": the ranks are out of step", null);
        }
    }

    /** The peer we wait for longest without progress; a missing contribution first, as the likelier culprit. */
    private PeerWait awaited() {
        PeerWait worst = null;
        for (PeerLink link : links) {
            if (link == null || !link.busy()) {
                continue;
            }
            PeerWait w = new PeerWait(link, link.stage().ordinal() < PeerLink.Stage.MEAN_HEADER.ordinal());
            if (worst == null || w.before(worst)) {
                worst = w;
            }
        }
        return worst;
    }

    private void checkTimeouts() {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(group.settings().timeoutMillis());
        long now = System.nanoTime();
        PeerWait worst = awaited();
        if (worst != null && now - worst.link.lastProgressNanos > timeoutNanos) {
            // Name the silent peer whose contribution is missing, if any: the peers that wait for the same one
            // cannot send their means either.
            PeerWait named = worst;
            for (PeerLink link : links) {
                if (link != null && link.busy() && now - link.lastProgressNanos > timeoutNanos
                        && link.stage().ordinal() < PeerLink.Stage.MEAN_HEADER.ordinal()) {
                    named = new PeerWait(link, true);
                    break;
                }
            }
            throw peerFailure(named.link, "sent nothing for " + group.settings().timeoutMillis() + " ms ("
                    + CollectiveSettings.TIMEOUT_KEY + ") while we waited for its "
                    + (named.contribution ? "contribution" : "chunk's mean or to take our data")
                    + ": it is dead, hung, or its round is slower than the timeout", null);
        }
    }

    /** A peer we wait for, and whether for its contribution (as opposed to its mean). */
    private record PeerWait(PeerLink link, boolean contribution) {
        boolean before(PeerWait other) {
            if (contribution != other.contribution) {
                return contribution;
            }
            return link.lastProgressNanos < other.link.lastProgressNanos;
        }

        String describe() {
            return "peer " + Peers.describe(link.rank, link.address) + "'s " + (contribution ? "contribution"
                    : "chunk's mean");
        }
    }

    private CollectiveException peerFailure(PeerLink link, String what, Throwable cause) {
        return new CollectiveException("rank " + group.rank() + ", allreduce call " + round + ": peer "
                + Peers.describe(link.rank, link.address) + " " + what, cause);
    }

    private RuntimeException fail(RuntimeException e) {
        failure = e;
        closeAll();
        return e;
    }

    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    private void closeAll() {
        for (PeerLink link : links) {
            if (link != null) {
                Peers.closeQuietly(link.channel);
            }
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                // Nothing is left to release that the channels' close did not.
            }
        }
    }
}
