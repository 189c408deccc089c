package io.deepline.pipelines.core.collective;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reaches the NCCL collective by name, so that main code compiles and runs without the {@code gpu} profile that
 * builds it. The class must offer {@code static String unavailableReason()} (null when NCCL's native library
 * loaded) and {@code static ... open(CollectiveGroup, AddressExchange, BooleanSupplier)}.
 */
final class NcclLoader {
    /** The NCCL collective, compiled from src/gpu/java under -Pgpu only. */
    static final String NCCL_CLASS = "io.deepline.pipelines.core.collective.gpu.NcclCollective";

    private NcclLoader() {
    }

    /**
     * Why the named NCCL collective cannot be used here, or empty if it can: the class is absent (a CPU build), or
     * its native library does not load (no libnccl.so.2 on the host).
     */
    static Optional<String> unavailableReason(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, NcclLoader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("the NCCL collective " + className + " is not in this build (build with -Pgpu)");
        } catch (LinkageError e) {
            return Optional.of("the NCCL collective " + className + " does not load: " + e);
        }
        try {
            Object reason = type.getMethod("unavailableReason").invoke(null);
            return Optional.ofNullable((String) reason);
        } catch (InvocationTargetException e) {
            return Optional.of("probing NCCL failed: " + e.getCause());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return Optional.of("the NCCL collective " + className + " has no usable unavailableReason(): " + e);
        }
    }

    /** Opens the named NCCL collective; its own failures (e.g. a {@link CollectiveException}) pass through. */
    static Collective open(String className, CollectiveGroup group, AddressExchange exchange,
                           BooleanSupplier cancelled) {
        Method open;
        try {
            open = Class.forName(className, true, NcclLoader.class.getClassLoader())
                    .getMethod("open", CollectiveGroup.class, AddressExchange.class, BooleanSupplier.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the NCCL collective " + className + " was found usable but has no"
                    + " static open(CollectiveGroup, AddressExchange, BooleanSupplier): " + e, e);
        }
        try {
            return (Collective) open.invoke(null, group, exchange, cancelled);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("opening the NCCL collective failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the NCCL collective's open(...) in " + className + " is not public", e);
        }
    }
}
