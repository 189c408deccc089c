package io.deepline.pipelines.core.collective;

/**
 * How the ranks of a group learn each other's listening address: in a Spark barrier stage,
 * {@code BarrierTaskContext.allGather}; in tests, an in-process exchange.
 */
@FunctionalInterface
public interface AddressExchange {

    /** Sends this rank's {@code host:port} and returns every rank's, indexed by rank. Blocks until all sent. */
    String[] allGather(String mine);
}
