package io.deepline.pipelines.data.sequence;

import java.util.List;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Spark hands array columns to Java as Scala {@code Seq}s; these views read them without copying. */
final class SequenceValues {
    private SequenceValues() {
    }

    static boolean isArray(Object value) {
        return value instanceof Seq || value instanceof List;
    }

    /** An array value (a Scala Seq from a Row, or a Java List) as a Java List view. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof Seq<?> seq) {
            return JavaConverters.seqAsJavaList((Seq<Object>) seq);
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalStateException("expected an array value but got " + value.getClass().getName());
    }
}
