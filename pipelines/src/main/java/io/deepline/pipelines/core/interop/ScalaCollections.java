package io.deepline.pipelines.core.interop;

import java.util.List;
import java.util.Map;
import scala.collection.JavaConverters;

/**
 * Java collections to Scala ones and back, for both Scala lines.
 *
 * <p>Arguments are the most general Scala type ({@code scala.collection.Seq}, {@code scala.collection.Map}), which
 * 2.12's and 2.13's Spark APIs both return; the Seq this class makes is a {@code scala.collection.immutable.Seq},
 * which is a Seq on 2.12 and the default {@code Seq} on 2.13, so it can be passed to Spark on both.
 */
// JavaConverters is deprecated on 2.13 in favour of scala.jdk.CollectionConverters, which 2.12 does not have: it is
// the only converter present on both lines, so its deprecation is accepted here, in this one class.
@SuppressWarnings("deprecation")
public final class ScalaCollections {
    private ScalaCollections() {
    }

    /** A Java view (no copy) of a Scala Seq, e.g. from {@code Row.getSeq} or a Spark API that returns one. */
    public static <T> List<T> asJavaList(scala.collection.Seq<T> seq) {
        return JavaConverters.seqAsJavaList(seq);
    }

    /** A Java view (no copy) of a Scala Map. */
    public static <K, V> Map<K, V> asJavaMap(scala.collection.Map<K, V> map) {
        return JavaConverters.mapAsJavaMap(map);
    }

    /** A Java view of a Scala Iterator. */
    public static <T> java.util.Iterator<T> asJavaIterator(scala.collection.Iterator<T> iterator) {
        return JavaConverters.asJavaIterator(iterator);
    }

    /** A Scala view of a Java Iterator. */
    public static <T> scala.collection.Iterator<T> asScalaIterator(java.util.Iterator<T> iterator) {
        return JavaConverters.asScalaIterator(iterator);
    }

    /** A Scala view (no copy) of a Java Iterable, e.g. the values of {@code ParamGridBuilder.addGrid}. */
    public static <T> scala.collection.Iterable<T> asScalaIterable(Iterable<T> values) {
        return JavaConverters.iterableAsScalaIterable(values);
    }

    /**
     * An immutable indexed copy of a Java List: the Seq Spark accepts on both lines (for a Row's array value, or a
     * Spark method that takes a Seq). Indexed, so Spark's encoders read element i in constant time.
     */
    public static <T> scala.collection.immutable.Seq<T> toScalaSeq(List<T> values) {
        return JavaConverters.asScalaBuffer(values).toIndexedSeq();
    }

    /** Whether a Row value is an array value: a Scala Seq (as Spark hands array columns to Java) or a Java List. */
    public static boolean isArrayValue(Object value) {
        return value instanceof scala.collection.Seq || value instanceof List;
    }

    /**
     * An array value of a Row (a Scala Seq, or a Java List as is) as a Java List view, without copying. Lets UDFs
     * over array columns take their argument as {@code Object}: Spark passes a Java UDF's array argument as a Scala
     * Seq, whose class differs between the Scala lines.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> arrayValue(Object value) {
        if (value instanceof scala.collection.Seq<?> seq) {
            return JavaConverters.seqAsJavaList((scala.collection.Seq<T>) seq);
        }
        if (value instanceof List<?> list) {
            return (List<T>) list;
        }
        throw new IllegalStateException("expected an array value (a Scala Seq or a Java List) but got "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
