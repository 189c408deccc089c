package io.deepline.bench;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets ND4J's op and BLAS thread counts for a side that runs outside Deepline's tasks.
 *
 * <p>ND4J keeps one setting per process, and Deepline's tasks set it to their {@code spark.task.cpus} (one) when they
 * run. All sides share this JVM, so each side sets the count it is meant to run with before its clock starts.
 */
final class Nd4jThreads {
    private Nd4jThreads() {
    }

    static void set(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
