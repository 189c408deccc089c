package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.data.TrainingBatch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * What each worker holds before a fit: its number of mini-batches (every epoch's rounds follow from them) and, over
 * all workers, the training rows (whether the fit is small enough to train on the driver). One Spark job, which
 * for a fit that may train on the driver also brings its batches there when they are few enough
 * ({@link DriverEpochs}), so that the driver path costs no job of its own.
 *
 * @param perWorker mini-batches in each partition, by partition index
 * @param rows      rows in all the mini-batches
 * @param collected the one worker's batches, when asked for and at most {@link WorkerChoice#ROWS_PER_WORKER} rows;
 *                  else null
 */
record WorkerBatches(int[] perWorker, long rows, List<? extends TrainingBatch> collected) {

    /**
     * @param collectIfSmall bring the batches to the driver if there is one partition of at most
     *                       {@link WorkerChoice#ROWS_PER_WORKER} rows
     */
    static WorkerBatches of(JavaRDD<? extends TrainingBatch> batches, boolean collectIfSmall) {
        boolean collect = collectIfSmall && batches.getNumPartitions() == 1;
        List<Partition> parts = batches.mapPartitions(it -> {
            List<TrainingBatch> held = new ArrayList<>();
            long n = 0;
            long rows = 0;
            while (it.hasNext()) {
                TrainingBatch batch = it.next();
                rows += batch.rows();
                n++;
                if (collect && rows <= WorkerChoice.ROWS_PER_WORKER) {
                    held.add(batch);
                }
            }
            return List.of(new Partition(n, rows, collect && rows <= WorkerChoice.ROWS_PER_WORKER ? held : null))
                    .iterator();
        }).collect();
        int[] perWorker = new int[parts.size()];
        long rows = 0;
        for (int w = 0; w < perWorker.length; w++) {
            perWorker[w] = Math.toIntExact(parts.get(w).batches());
            rows += parts.get(w).rows();
        }
        return new WorkerBatches(perWorker, rows, collect ? parts.get(0).held() : null);
    }

    /** One partition's counts, and its batches when collected. */
    private record Partition(long batches, long rows, List<TrainingBatch> held) implements Serializable {
    }
}
