package io.deepline.pipelines.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Turns one partition of (features, label) rows into shuffled mini-batches with one-hot labels.
 *
 * <p>Rows are shuffled inside the partition first (seeded by seed and partition), because input files are
 * often sorted by class and a batch of a single class makes SGD zig-zag. The batch composition is then fixed
 * for the whole fit; the trainer reshuffles the order of the batches every epoch.
 */
final class ClassificationBatcher implements Function2<Integer, Iterator<Row>, Iterator<MiniBatch>> {
    private static final long serialVersionUID = 1L;

    private final int batchSize;
    private final int numFeatures;
    private final int numClasses;
    private final long seed;

    ClassificationBatcher(int batchSize, int numFeatures, int numClasses, long seed) {
        this.batchSize = batchSize;
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
        this.seed = seed;
    }

    @Override
    public Iterator<MiniBatch> call(Integer partition, Iterator<Row> rows) {
        FloatBuffer features = new FloatBuffer(numFeatures * 64);
        List<Integer> labels = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            Vector v = (Vector) row.get(0);
            if (v == null || v.size() != numFeatures || row.isNullAt(1)) {
                // The driver-side profile rejects such rows; seeing one here means the data changed between jobs.
                throw new IllegalStateException("row " + labels.size() + " of partition " + partition
                        + " has a null or wrongly sized features vector or a null label; the input changed after"
                        + " validation (use a deterministic, cached input)");
            }
            features.appendVector(v);
            labels.add((int) row.getDouble(1));
        }
        int n = labels.size();
        int[] order = Shuffles.permutation(n, seed, partition);
        List<MiniBatch> batches = new ArrayList<>((n + batchSize - 1) / batchSize);
        float[] all = features.array();
        for (int start = 0; start < n; start += batchSize) {
            int size = Math.min(batchSize, n - start);
            float[] x = new float[size * numFeatures];
            float[] y = new float[size * numClasses];
            for (int i = 0; i < size; i++) {
                int src = order[start + i];
                System.arraycopy(all, src * numFeatures, x, i * numFeatures, numFeatures);
                y[i * numClasses + labels.get(src)] = 1f;
            }
            batches.add(new MiniBatch(size, numFeatures, numClasses, x, y));
        }
        return batches.iterator();
    }

    /** A growable float array; avoids boxing a partition's worth of feature values. */
    static final class FloatBuffer {
        private float[] data;
        private int size;

        FloatBuffer(int capacity) {
            data = new float[Math.max(16, capacity)];
        }

        void appendVector(Vector v) {
            int n = v.size();
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            VectorFloats.copyInto(v, data, size);
            size += n;
        }

        float[] array() {
            return data;
        }
    }
}
