package io.deepline.pipelines.core.interop;

import java.io.Serializable;
import java.util.function.Function;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.runtime.AbstractFunction1;

/**
 * Scala functions from Java lambdas, for Spark APIs that take a {@code scala.Function1} (param validators, the
 * barrier RDD API). They are serializable, since Spark ships them to executors and keeps them in params.
 */
public final class ScalaFunctions {
    private ScalaFunctions() {
    }

    /** A Java function that survives Java serialization. */
    public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
    }

    /** {@code f} as a Scala function. */
    public static <T, R> scala.Function1<T, R> of(SerializableFunction<T, R> f) {
        return new JavaFunction1<>(f);
    }

    /**
     * A Java partition function as the Scala function {@code RDD.mapPartitions} and {@code RDDBarrier.mapPartitions}
     * take; a checked exception from {@code f} becomes an IllegalStateException with its message.
     */
    public static <T, R> scala.Function1<scala.collection.Iterator<T>, scala.collection.Iterator<R>> overPartition(
            FlatMapFunction<java.util.Iterator<T>, R> f) {
        return of(partition -> {
            try {
                return ScalaCollections.asScalaIterator(f.call(ScalaCollections.asJavaIterator(partition)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** AbstractFunction1 supplies Function1's compose/andThen/toString on both Scala lines. */
    private static final class JavaFunction1<T, R> extends AbstractFunction1<T, R> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SerializableFunction<T, R> f;

        JavaFunction1(SerializableFunction<T, R> f) {
            this.f = f;
        }

        @Override
        public R apply(T value) {
            return f.apply(value);
        }
    }
}
