package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/** Opens the socket a rank's lower-ranked peers connect to, on the port range an operator opened in the firewall. */
final class ListenSocket {
    private ListenSocket() {
    }

    /**
     * A listening channel on {@code host}: on an ephemeral port if the settings give no range, else on the first port
     * of the range that is free (other fits and other executors on the same host take ports of the same range).
     *
     * @throws CollectiveException naming {@link CollectiveSettings#PORTS_KEY} when every port of the range is taken
     */
    static ServerSocketChannel bind(String host, CollectiveSettings settings) {
        if (settings.portFrom() == 0) {
            try {
                return open(host, 0);
            } catch (IOException e) {
                throw new CollectiveException("cannot listen on " + host + " on an ephemeral port: " + e
                        + "; check that the executor's host name resolves to one of its own addresses", e);
            }
        }
        IOException last = null;
        for (int port = settings.portFrom(); port <= settings.portTo(); port++) {
            try {
                return open(host, port);
            } catch (BindException e) {
                last = e; // taken: try the next one
            } catch (IOException e) {
                throw new CollectiveException("cannot listen on " + host + ":" + port + ": " + e, e);
            }
        }
        throw new CollectiveException("no free port on " + host + " in " + CollectiveSettings.PORTS_KEY + " = "
                + settings.portFrom() + "-" + settings.portTo() + " (last error: " + last + "); widen the range: each"
                + " concurrently training task on a host takes one port", last);
    }

    /** As {@link #bind}, a blocking server socket (the driver's {@link Rendezvous}). */
    static ServerSocket bindBlocking(String host, CollectiveSettings settings) {
        return bind(host, settings).socket();
    }

    private static ServerSocketChannel open(String host, int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            // Lets a port left in TIME_WAIT by the previous epoch's sockets be bound again; a port with a live
            // listener is still refused.
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(host, port));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
