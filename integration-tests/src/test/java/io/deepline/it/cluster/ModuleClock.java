package io.deepline.it.cluster;

import java.lang.management.ManagementFactory;

/**
 * The integration-test module's running time, which issue 9 bounds at 10 minutes on a 2-core machine: failsafe runs
 * every IT of the module in one forked JVM, so that JVM's uptime is the module's test time.
 */
public final class ModuleClock {

    /** The module's budget, in seconds. */
    public static final double BUDGET_SECONDS = 600;

    private ModuleClock() {
    }

    /** Seconds since the failsafe JVM started. */
    public static double seconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }
}
