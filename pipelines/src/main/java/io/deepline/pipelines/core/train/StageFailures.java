package io.deepline.pipelines.core.train;

import java.util.Locale;
import org.apache.spark.SparkException;

/** Which failures of a collective epoch's stage are worth rerunning the epoch for. */
final class StageFailures {
    private StageFailures() {
    }

    /**
     * A failed Spark job (a lost executor, a task that failed or timed out waiting for a peer) is retryable; a
     * cancelled job is not (the user or a shutdown stopped it), nor is an error the driver raised itself.
     */
    static boolean isRetryable(Exception e) {
        if (!(e instanceof SparkException)) {
            return false;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return !message.contains("cancelled") && !message.contains("shut down");
    }

    /** {@code e} as an unchecked exception to rethrow unchanged where possible. */
    static RuntimeException rethrow(Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(e.getMessage(), e);
    }

    /** The first line of the failure, short enough for one log line. */
    static String summary(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
