package io.deepline.pipelines.train;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Runs a function over every partition of an RDD as one Spark barrier stage (all tasks start together, and may
 * talk to each other) and collects its results. Spark offers barrier stages only through the Scala RDD API; this
 * class is the one place that bridges it.
 */
final class BarrierStages {
    private BarrierStages() {
    }

    /** The results of {@code f} over every partition of {@code rdd}, run as one barrier stage, by partition. */
    static <T, R> List<R> collect(JavaRDD<T> rdd, FlatMapFunction<java.util.Iterator<T>, R> f, Class<R> type) {
        ClassTag<R> tag = ClassTag$.MODULE$.apply(type);
        Object results = rdd.rdd().barrier().mapPartitions(new ScalaPartitionFunction<>(f), true, tag).collect();
        @SuppressWarnings("unchecked")
        R[] array = (R[]) results;
        return Arrays.asList(array);
    }

    /** A Java partition function as the Scala function the barrier RDD API takes. */
    private static final class ScalaPartitionFunction<T, R>
            extends AbstractFunction1<scala.collection.Iterator<T>, scala.collection.Iterator<R>>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private final FlatMapFunction<java.util.Iterator<T>, R> f;

        ScalaPartitionFunction(FlatMapFunction<java.util.Iterator<T>, R> f) {
            this.f = f;
        }

        @Override
        public scala.collection.Iterator<R> apply(scala.collection.Iterator<T> partition) {
            try {
                return JavaConverters.asScalaIterator(f.call(JavaConverters.asJavaIterator(partition)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
