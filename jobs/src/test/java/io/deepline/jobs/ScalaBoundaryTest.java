package io.deepline.jobs;

import io.deepline.jobs.train.JobSession;
import io.deepline.pipelines.core.interop.ScalaReferences;
import org.junit.jupiter.api.Test;

/**
 * The jobs module reaches Scala collections only through pipelines' adapter package, so it builds unchanged for
 * Spark 3.5 (Scala 2.12) and Spark 4 (Scala 2.13).
 */
class ScalaBoundaryTest {
    @Test
    void mainClassesUseNoLineSpecificScala() {
        ScalaReferences.assertNoneOutsideAdapter(ScalaReferences.classesOf(JobSession.class));
    }

    @Test
    void testClassesUseNoLineSpecificScala() {
        ScalaReferences.assertNoneOutsideAdapter(ScalaReferences.classesOf(ScalaBoundaryTest.class));
    }
}
