package io.deepline.pipelines.core.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.param.Validators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Only the adapter package touches Scala's collection and runtime classes, so the same Java source compiles and
 * runs on Spark 3.5 (Scala 2.12) and Spark 4 (Scala 2.13). Checks pipelines' main and test classes; the jobs module
 * runs the same check on its own.
 */
class ScalaBoundaryTest {
    @Test
    void mainClassesOutsideTheAdapterUseNoLineSpecificScala() {
        ScalaReferences.assertNoneOutsideAdapter(ScalaReferences.classesOf(Validators.class));
    }

    @Test
    void testClassesOutsideTheAdapterUseNoLineSpecificScala() {
        ScalaReferences.assertNoneOutsideAdapter(ScalaReferences.classesOf(ScalaBoundaryTest.class));
    }

    /** The reader sees what the adapter names: its conversions, and the AbstractFunction1 its functions extend. */
    @Test
    void theReaderFindsTheAdaptersOwnUses() throws IOException {
        Path main = ScalaReferences.classesOf(ScalaCollections.class);
        Set<String> collections = ScalaReferences.used(
                main.resolve(ScalaReferences.ADAPTER + "ScalaCollections.class"));
        assertTrue(collections.contains("scala.collection.JavaConverters"), collections::toString);
        assertTrue(collections.contains("scala.collection.Seq"), collections::toString);
        Set<String> function = ScalaReferences.used(
                main.resolve(ScalaReferences.ADAPTER + "ScalaFunctions$JavaFunction1.class"));
        assertTrue(function.contains("scala.runtime.AbstractFunction1"), function::toString);
    }
}
