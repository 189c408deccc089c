package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.interop.ScalaClassTags;
import io.deepline.pipelines.core.interop.ScalaFunctions;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;

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
        Object results = rdd.rdd().barrier()
                .mapPartitions(ScalaFunctions.overPartition(f), true, ScalaClassTags.of(type)).collect();
        @SuppressWarnings("unchecked")
        R[] array = (R[]) results;
        return Arrays.asList(array);
    }
}
