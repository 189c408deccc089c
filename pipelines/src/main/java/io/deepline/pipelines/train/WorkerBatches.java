package io.deepline.pipelines.train;

import io.deepline.pipelines.data.TrainingBatch;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * What each worker holds before a fit: its number of mini-batches (every epoch's rounds follow from them) and, over
 * all workers, the training rows (whether the fit is small enough to train on the driver). One Spark job.
 *
 * @param perWorker mini-batches in each partition, by partition index
 * @param rows      rows in all the mini-batches
 */
record WorkerBatches(int[] perWorker, long rows) {

    static WorkerBatches of(JavaRDD<? extends TrainingBatch> batches) {
        List<long[]> counts = batches.mapPartitions(it -> {
            long n = 0;
            long rows = 0;
            while (it.hasNext()) {
                rows += it.next().rows();
                n++;
            }
            return List.of(new long[] {n, rows}).iterator();
        }).collect();
        int[] perWorker = new int[counts.size()];
        long rows = 0;
        for (int w = 0; w < perWorker.length; w++) {
            perWorker[w] = Math.toIntExact(counts.get(w)[0]);
            rows += counts.get(w)[1];
        }
        return new WorkerBatches(perWorker, rows);
    }
}
