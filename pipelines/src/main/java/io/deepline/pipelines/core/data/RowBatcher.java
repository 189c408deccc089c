package io.deepline.pipelines.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Turns one partition of (features, label) rows into shuffled mini-batches.
 *
 * <p>Rows are shuffled inside the partition first (seeded by seed and partition), because input files are
 * often sorted by class and a batch of a single class makes SGD zig-zag. The batch composition is then fixed
 * for the whole fit; the trainer reshuffles the order of the batches every epoch.
 */
final class RowBatcher implements Function2<Integer, Iterator<Row>, Iterator<MiniBatch>> {
    private static final long serialVersionUID = 1L;

    private final int batchSize;
    private final int numFeatures;
    private final LabelEncoder labels;
    private final long seed;
    private final boolean weighted;
    private final double weightScale;

    /**
     * @param weighted    whether column 2 holds a row weight
     * @param weightScale multiplies every weight (the estimator scales them to mean 1)
     */
    RowBatcher(int batchSize, int numFeatures, LabelEncoder labels, long seed, boolean weighted, double weightScale) {
        this.batchSize = batchSize;
        this.numFeatures = numFeatures;
        this.labels = labels;
        this.seed = seed;
        this.weighted = weighted;
        this.weightScale = weightScale;
    }

    @Override
    public Iterator<MiniBatch> call(Integer partition, Iterator<Row> rows) {
        int width = labels.width();
        FloatBuffer x = new FloatBuffer(numFeatures * 64);
        FloatBuffer y = new FloatBuffer(width * 64);
        FloatBuffer w = new FloatBuffer(weighted ? 64 : 0);
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            Vector v = (Vector) row.get(0);
            if (v == null || v.size() != numFeatures || row.isNullAt(1)) {
                // The driver-side profile rejects such rows; seeing one here means the data changed between jobs.
                throw new IllegalStateException("row " + n + " of partition " + partition
                        + " has a null or wrongly sized features vector or a null label; the input changed after"
                        + " validation (use a deterministic, cached input)");
            }
            int xOffset = x.reserve(numFeatures);
            VectorFloats.copyInto(v, x.data, xOffset);
            int yOffset = y.reserve(width);
            labels.encode(row, 1, y.data, yOffset);
            if (weighted) {
                int wOffset = w.reserve(1); // before indexing: reserve may replace the array
                w.data[wOffset] = (float) (row.getDouble(2) * weightScale);
            }
            n++;
        }
        int[] order = Shuffles.permutation(n, seed, partition);
        List<MiniBatch> batches = new ArrayList<>((n + batchSize - 1) / batchSize);
        for (int start = 0; start < n; start += batchSize) {
            int size = Math.min(batchSize, n - start);
            float[] bx = new float[size * numFeatures];
            float[] by = new float[size * width];
            float[] bw = weighted ? new float[size] : null;
            for (int i = 0; i < size; i++) {
                int src = order[start + i];
                System.arraycopy(x.data, src * numFeatures, bx, i * numFeatures, numFeatures);
                System.arraycopy(y.data, src * width, by, i * width, width);
                if (weighted) {
                    bw[i] = w.data[src];
                }
            }
            batches.add(new MiniBatch(size, numFeatures, width, bx, by, bw));
        }
        return batches.iterator();
    }

    /** A growable float array; avoids boxing a partition's worth of values. */
    private static final class FloatBuffer {
        private float[] data;
        private int size;

        FloatBuffer(int capacity) {
            data = new float[Math.max(16, capacity)];
        }

        /** Makes room for {@code n} more values and returns the offset where they go in {@link #data}. */
        int reserve(int n) {
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            int offset = size;
            size += n;
            return offset;
        }
    }
}
