package io.deepline.pipelines.core.collective;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's meeting point of one fit: each task of a collective epoch sends its listening {@code host:port} and
 * receives every rank's once all ranks of the same epoch and stage attempt have arrived.
 *
 * <p>Why not Spark's {@code BarrierTaskContext.allGather}: it polls for the answer with one-second sleeps, so every
 * epoch would pay a second (measured: 1,005–1,035 ms per exchange on local[3]); this costs a few milliseconds. The
 * barrier stage still guarantees that all tasks run at once.
 *
 * <p>A request must carry the fit's token before anything else is read; a wrong one closes the connection. Each
 * connection is served on its own daemon thread (a fit has a handful of workers) and never waits past the timeout.
 */
public final class Rendezvous implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rendezvous.class);
    static final int MAGIC = 0x444C5256; // "DLRV"

    private final ServerSocket server;
    private final String host;
    private final byte[] token;
    private final long timeoutMillis;
    private final Map<String, Meeting> meetings = new HashMap<>();
    private volatile boolean closed;

    private Rendezvous(ServerSocket server, String host, String token, long timeoutMillis) {
        this.server = server;
        this.host = host;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Listens on {@code host} (the driver's address executors reach) on a port of the settings' range, and serves
     * requests until closed.
     */
    public static Rendezvous start(String host, CollectiveSettings settings, String token) {
        ServerSocket server = ListenSocket.bindBlocking(host, settings);
        Rendezvous rendezvous = new Rendezvous(server, host, token, settings.timeoutMillis());
        Thread accept = new Thread(rendezvous::acceptLoop, "deepline-rendezvous-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return rendezvous;
    }

    /** The {@code host:port} tasks connect to. */
    public String address() {
        return Peers.address(host, server.getLocalPort());
    }

    @Override
    public void close() {
        closed = true;
        Peers.closeQuietly(server);
        synchronized (meetings) {
            meetings.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread serve = new Thread(() -> serve(socket), "deepline-rendezvous-peer");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("collective rendezvous stopped accepting: {}", e.toString());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Request request = readRequest(in);
            if (request == null) {
                LOG.warn("collective rendezvous refused a connection from {}: not this fit's token or protocol",
                        socket.getRemoteSocketAddress());
                return;
            }
            String[] addresses = await(request);
            if (addresses == null) {
                return;
            }
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(addresses.length);
            for (String address : addresses) {
                out.writeUTF(address);
            }
            out.flush();
        } catch (IOException e) {
            LOG.debug("collective rendezvous connection failed: {}", e.toString());
        }
    }

    /** The request, or null if its magic or token is wrong (checked before anything else is read). */
    private Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            return null;
        }
        int length = in.readInt();
        if (length != token.length) {
            return null;
        }
        byte[] presented = in.readNBytes(length);
        if (!MessageDigest.isEqual(presented, token)) {
            return null;
        }
        int epoch = in.readInt();
        int attempt = in.readInt();
        int rank = in.readInt();
        int size = in.readInt();
        String address = in.readUTF();
        if (size <= 0 || size > 1 << 16 || rank < 0 || rank >= size) {
            return null;
        }
        return new Request(epoch, attempt, rank, size, address);
    }

    /** Every rank's address once all have arrived; null on timeout, a conflicting request, or close. */
    private String[] await(Request request) {
        String key = request.epoch + "/" + request.attempt;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (meetings) {
            Meeting meeting = meetings.computeIfAbsent(key, k -> new Meeting(request.size));
            if (meeting.addresses.length != request.size || meeting.addresses[request.rank] != null) {
                LOG.warn("collective rendezvous refused rank {} of epoch {} attempt {}: its group size {} or rank"
                        + " conflicts with an earlier request", request.rank, request.epoch, request.attempt,
                        request.size);
                return null;
            }
            meeting.addresses[request.rank] = request.address;
            meeting.arrived++;
            meetings.notifyAll();
            while (meeting.arrived < meeting.addresses.length && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                try {
                    meetings.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            if (closed) {
                return null;
            }
            if (++meeting.answered == meeting.addresses.length) {
                meetings.remove(key);
            }
            return meeting.addresses.clone();
        }
    }

    private record Request(int epoch, int attempt, int rank, int size, String address) {
    }

    private static final class Meeting {
        final String[] addresses;
        int arrived;
        int answered;

        Meeting(int size) {
            addresses = new String[size];
        }
    }

    /**
     * A task's side: an {@link AddressExchange} through the rendezvous at {@code rendezvousAddress}, waiting at most
     * the group's timeout and checking {@code cancelled} while it waits.
     */
    public static AddressExchange client(String rendezvousAddress, CollectiveGroup group,
                                         java.util.function.BooleanSupplier cancelled) {
        return mine -> exchange(rendezvousAddress, group, cancelled, mine);
    }

    private static final int POLL_MILLIS = 100;

    private static String[] exchange(String rendezvousAddress, CollectiveGroup group,
                                     java.util.function.BooleanSupplier cancelled, String mine) {
        long timeout = group.settings().timeoutMillis();
        long deadline = System.currentTimeMillis() + timeout;
        String where = "the driver's collective rendezvous at " + rendezvousAddress;
        try (Socket socket = new Socket()) {
            socket.connect(Peers.socketAddress(rendezvousAddress), (int) Math.min(Integer.MAX_VALUE, timeout));
            byte[] token = Handshake.tokenBytes(group);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(MAGIC);
            out.writeInt(token.length);
            out.write(token);
            out.writeInt(group.epoch());
            out.writeInt(group.stageAttempt());
            out.writeInt(group.rank());
            out.writeInt(group.size());
            out.writeUTF(mine);
            out.flush();
            socket.setSoTimeout(POLL_MILLIS);
            DataInputStream in = new DataInputStream(new PatientInput(socket.getInputStream(), cancelled, deadline,
                    where, group));
            int count = in.readInt();
            if (count != group.size()) {
                throw new CollectiveException("rank " + group.rank() + " got " + count + " addresses from " + where
                        + " for a group of " + group.size());
            }
            String[] addresses = new String[count];
            for (int i = 0; i < count; i++) {
                addresses[i] = in.readUTF();
            }
            return addresses;
        } catch (CollectiveException e) {
            throw e;
        } catch (IOException e) {
            throw new CollectiveException("rank " + group.rank() + " (epoch " + group.epoch() + ", attempt "
                    + group.stageAttempt() + ") could not meet its peers at " + where + " within "
                    + timeout + " ms (" + CollectiveSettings.TIMEOUT_KEY + "): " + e + "; a peer task did not start"
                    + " or failed, or " + CollectiveSettings.PORTS_KEY + " is not open between executors and driver",
                    e);
        }
    }

    /** A socket stream whose reads wait in short slices, so a cancelled task or the deadline ends the wait. */
    private static final class PatientInput extends InputStream {
        private final InputStream in;
        private final java.util.function.BooleanSupplier cancelled;
        private final long deadline;
        private final String where;
        private final CollectiveGroup group;

        PatientInput(InputStream in, java.util.function.BooleanSupplier cancelled, long deadline, String where,
                     CollectiveGroup group) {
            this.in = in;
            this.cancelled = cancelled;
            this.deadline = deadline;
            this.where = where;
            this.group = group;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                try {
                    return in.read(b, off, len);
                } catch (java.net.SocketTimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        throw new CollectiveException("rank " + group.rank() + " was cancelled while waiting at "
                                + where);
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw new CollectiveException("rank " + group.rank() + " (epoch " + group.epoch()
                                + ") waited " + group.settings().timeoutMillis() + " ms at " + where + " for its "
                                + group.size() + " peers; one of them did not start or failed (raise "
                                + CollectiveSettings.TIMEOUT_KEY + " if tasks start slowly)");
                    }
                }
            }
        }
    }
}
