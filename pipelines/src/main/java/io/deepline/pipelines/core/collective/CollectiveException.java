package io.deepline.pipelines.core.collective;

/**
 * A collective operation failed: a peer died, timed out, sent a wrong header, or the task was cancelled. The
 * message names the peer rank and host, so the driver log says which worker to look at.
 */
public final class CollectiveException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CollectiveException(String message) {
        super(message);
    }

    public CollectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
