package io.deepline.jobs.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J's native backend on a daemon thread while Spark starts and reads the data.
 *
 * <p>Why: the driver first needs ND4J when it builds the network, after the data is read and checked; loading the
 * backend (native libraries, BLAS) then takes 0.5–1.7 s of a job's wall time on 2 cores, while Spark's start and
 * the CSV read keep only one core busy. Loading it beside them changes nothing but when it happens: the backend is
 * global and the same whichever thread loads it. If it cannot load, the reason is logged here, since a later use
 * then sees only Java's "could not initialize class" without it.
 */
final class BackendWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(BackendWarmUp.class);
    private static final AtomicReference<CompletableFuture<String>> STARTED = new AtomicReference<>();

    private BackendWarmUp() {
    }

    /** Starts loading the backend, once per JVM; the future gives the backend's name, or the failure. */
    static CompletableFuture<String> start() {
        CompletableFuture<String> loading = new CompletableFuture<>();
        if (!STARTED.compareAndSet(null, loading)) {
            return STARTED.get();
        }
        Thread thread = new Thread(() -> {
            try {
                Nd4j.create(1); // the first array loads the backend and its native libraries
                loading.complete(Nd4j.getBackend().getClass().getSimpleName());
            } catch (Throwable e) { // an Error too (UnsatisfiedLinkError): log it, the real use fails later
                LOG.warn("ND4J's native backend did not load: {}", e.toString(), e);
                loading.completeExceptionally(e);
            }
        }, "deepline-nd4j-warm-up");
        thread.setDaemon(true);
        thread.start();
        return loading;
    }
}
