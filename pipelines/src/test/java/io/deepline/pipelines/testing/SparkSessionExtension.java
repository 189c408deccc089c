package io.deepline.pipelines.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real {@code local[3]} SparkSession: one per JVM (starting Spark costs seconds), three task slots
 * (so a three-worker barrier stage can run) but a default parallelism of 2, UI off, few shuffle partitions, the Java serializer (ND4J has a Kryo crash bug). Declare
 * {@code @ExtendWith(SparkSessionExtension.class)} and take a {@code SparkSession} parameter, or rely on
 * {@code SparkSession.active()}.
 */
public final class SparkSessionExtension implements BeforeAllCallback, ParameterResolver {
    private static volatile SparkSession session;

    /** The shared session, started on first use and stopped when the JVM exits. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[3]")
                    .appName("deepline-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .config("spark.serializer", "org.apache.spark.serializer.JavaSerializer")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-test-spark"));
        }
        return session;
    }

    /** Starts the session before any test, so code that finds it with SparkSession.active() works too. */
    @Override
    public void beforeAll(ExtensionContext context) {
        session();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return session();
    }
}
