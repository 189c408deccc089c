package io.deepline.pipelines.core.collective;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.io.Closeable;

/** How peers are named in messages and found on the network: by their advertised {@code host:port}. */
final class Peers {
    private Peers() {
    }

    /** "rank 2 at host:port", the form every failure message uses, so the driver log says which worker to look at. */
    static String describe(int rank, String address) {
        return "rank " + rank + " at " + address;
    }

    /** The advertised form of a listening address; the last ':' separates the port, so IPv6 literals work. */
    static String address(String host, int port) {
        return host + ":" + port;
    }

    static InetSocketAddress socketAddress(String address) {
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    /** Checks the exchange's answer: one parseable {@code host:port} per rank, ours at our rank. */
    static String[] check(String[] addresses, CollectiveGroup group, String mine) {
        if (addresses == null || addresses.length != group.size()) {
            throw new IllegalStateException("the address exchange of rank " + group.rank() + " returned "
                    + (addresses == null ? "nothing" : addresses.length + " addresses") + ", expected one per rank ("
                    + group.size() + ")");
        }
        for (int rank = 0; rank < addresses.length; rank++) {
            String a = addresses[rank];
            int colon = a == null ? -1 : a.lastIndexOf(':');
            boolean ok = colon > 0;
            if (ok) {
                try {
                    int port = Integer.parseInt(a.substring(colon + 1));
                    ok = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new IllegalStateException("the address exchange gave rank " + rank + " the address '" + a
                        + "', expected host:port");
            }
        }
        if (!addresses[group.rank()].equals(mine)) {
            throw new IllegalStateException("the address exchange gave rank " + group.rank() + " the address "
                    + addresses[group.rank()] + ", but it sent " + mine + "; the exchange must index by rank");
        }
        return addresses.clone();
    }

    static void closeQuietly(Closeable channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing after a failure: the failure is what the caller reports.
        }
    }
}
