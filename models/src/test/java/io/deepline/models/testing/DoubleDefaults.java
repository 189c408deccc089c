package io.deepline.models.testing;

import io.deepline.models.testing.DoubleDefaults;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes double ND4J's global default type for each test and restores the previous default after it. DL4J's
 * {@code GradientCheckUtil} insists on double defaults, and the default is process-wide, so other tests in the same
 * JVM must get theirs back. Use with {@code @ExtendWith(DoubleDefaults.class)}.
 */
public final class DoubleDefaults implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DoubleDefaults.class);

    private record Previous(DataType defaultType, DataType floatingPoint) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Previous.class, new Previous(Nd4j.dataType(),
                Nd4j.defaultFloatingPointType()));
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Previous previous = context.getStore(NAMESPACE).remove(Previous.class, Previous.class);
        Nd4j.setDefaultDataTypes(previous.defaultType(), previous.floatingPoint());
    }
}
