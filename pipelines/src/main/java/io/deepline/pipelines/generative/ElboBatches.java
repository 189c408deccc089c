package io.deepline.pipelines.generative;

import io.deepline.pipelines.core.data.BatchStorage;
import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.VectorFloats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds the cached {@link ElboBatch} RDD: one partition per worker, rows shuffled inside each partition (seeded
 * by seed and partition) before they are cut into batches, as the supervised {@code MiniBatches}.
 */
final class ElboBatches {
    private ElboBatches() {
    }

    /**
     * @param features one column of checked, equally sized vectors
     * @return batches persisted as {@link BatchStorage#LEVEL}; the caller unpersists them after training
     */
    static JavaRDD<ElboBatch> build(Dataset<Row> features, int numWorkers, int batchSize, int numFeatures, long seed) {
        JavaRDD<ElboBatch> batches = features.javaRDD().repartition(numWorkers)
                .mapPartitionsWithIndex(new Batcher(batchSize, numFeatures, seed), true)
                .persist(BatchStorage.LEVEL);
        batches.setName("deepline ELBO batches (" + numWorkers + " workers × batches of " + batchSize + ")");
        return batches;
    }

    private static final class Batcher implements Function2<Integer, Iterator<Row>, Iterator<ElboBatch>> {
        private static final long serialVersionUID = 1L;

        private final int batchSize;
        private final int numFeatures;
        private final long seed;

        Batcher(int batchSize, int numFeatures, long seed) {
            this.batchSize = batchSize;
            this.numFeatures = numFeatures;
            this.seed = seed;
        }

        @Override
        public Iterator<ElboBatch> call(Integer partition, Iterator<Row> rows) {
            List<float[]> all = new ArrayList<>();
            while (rows.hasNext()) {
                Vector v = (Vector) rows.next().get(0);
                if (v == null || v.size() != numFeatures) {
                    throw new IllegalStateException("row " + all.size() + " of partition " + partition + " has a null or"
                            + " wrongly sized features vector; the input changed after validation (use a"
                            + " deterministic, cached input)");
                }
                all.add(VectorFloats.of(v));
            }
            int[] order = Shuffles.permutation(all.size(), seed, partition);
            List<ElboBatch> batches = new ArrayList<>((all.size() + batchSize - 1) / batchSize);
            for (int start = 0; start < all.size(); start += batchSize) {
                int size = Math.min(batchSize, all.size() - start);
                float[] x = new float[size * numFeatures];
                for (int i = 0; i < size; i++) {
                    System.arraycopy(all.get(order[start + i]), 0, x, i * numFeatures, numFeatures);
                }
                batches.add(new ElboBatch(size, numFeatures, x));
            }
            return batches.iterator();
        }
    }
}
