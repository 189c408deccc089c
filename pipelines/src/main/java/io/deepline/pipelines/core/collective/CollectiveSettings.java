package io.deepline.pipelines.core.collective;

import java.io.Serializable;

/**
 * Where the collective listens and how long it waits for a peer.
 *
 * @param portFrom      first port to try, or 0 for an ephemeral port
 * @param portTo        last port to try (inclusive), or 0 for an ephemeral port
 * @param timeoutMillis longest wait for any one peer (connect, header, or the next chunk), &gt; 0
 */
public record CollectiveSettings(int portFrom, int portTo, long timeoutMillis) implements Serializable {
    /** Spark conf key of the listen port range, {@code from-to} (e.g. {@code 40000-40100}); default ephemeral. */
    public static final String PORTS_KEY = "spark.deepline.collective.ports";
    /** Spark conf key of the peer timeout in seconds; default 600. */
    public static final String TIMEOUT_KEY = "spark.deepline.collective.timeoutSeconds";
    public static final long DEFAULT_TIMEOUT_SECONDS = 600;

    public CollectiveSettings {
        if (portFrom < 0 || portTo < portFrom || portTo > 65535 || (portFrom == 0) != (portTo == 0)) {
            throw new IllegalArgumentException(PORTS_KEY + " must be a range from-to of ports in 1..65535 with"
                    + " from <= to (or unset for ephemeral ports), got " + portFrom + "-" + portTo);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException(TIMEOUT_KEY + " must be > 0, got " + timeoutMillis + " ms");
        }
    }

    /** Ephemeral ports and the default timeout. */
    public static CollectiveSettings defaults() {
        return new CollectiveSettings(0, 0, DEFAULT_TIMEOUT_SECONDS * 1000);
    }

    /**
     * The settings given by the two Spark conf values (either may be null for its default).
     *
     * @throws IllegalArgumentException naming the key, the value and the expected form
     */
    public static CollectiveSettings parse(String ports, String timeoutSeconds) {
        int from = 0;
        int to = 0;
        if (ports != null && !ports.isBlank()) {
            String[] parts = ports.trim().split("-", -1);
            try {
                from = Integer.parseInt(parts[0].trim());
                to = parts.length == 1 ? from : Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORTS_KEY + " must be a port range like 40000-40100, got '"
                        + ports + "'");
            }
            if (parts.length > 2 || from == 0) {
                throw new IllegalArgumentException(PORTS_KEY + " must be a port range like 40000-40100, got '"
                        + ports + "'");
            }
        }
        long timeout = DEFAULT_TIMEOUT_SECONDS;
        if (timeoutSeconds != null && !timeoutSeconds.isBlank()) {
            try {
                timeout = Long.parseLong(timeoutSeconds.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TIMEOUT_KEY + " must be a whole number of seconds > 0, got '"
                        + timeoutSeconds + "'");
            }
        }
        if (timeout <= 0 || timeout > Long.MAX_VALUE / 1000) {
            throw new IllegalArgumentException(TIMEOUT_KEY + " must be a whole number of seconds > 0, got '"
                    + timeoutSeconds + "'");
        }
        return new CollectiveSettings(from, to, timeout * 1000);
    }
}
