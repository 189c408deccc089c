package io.deepline.pipelines.classification.perceptron;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * One worker's training rows as plain arrays: features row-major in one {@code double[]}, labels as the signs
 * -1 / +1 the rule uses. Every epoch reads the same cached block (never rows or ML vectors again), so an epoch
 * costs one pass of arithmetic, and a worker's shuffled order only depends on (seed, epoch, partition).
 */
final class SignedRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int numFeatures;
    private final double[] features;
    private final int[] signs;

    private SignedRows(int numFeatures, double[] features, int[] signs) {
        this.numFeatures = numFeatures;
        this.features = features;
        this.signs = signs;
    }

    /** Builds a block directly, for tests and the reference implementations they compare against. */
    static SignedRows of(int numFeatures, double[] features, int[] signs) {
        if (features.length != signs.length * numFeatures) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + signs.length
                    + " rows of " + numFeatures);
        }
        return new SignedRows(numFeatures, features, signs);
    }

    /**
     * The cached blocks a fit trains on: one per partition, {@code numWorkers} partitions, persisted
     * MEMORY_AND_DISK (plain arrays are compact, and a recomputed block would be identical). The caller
     * unpersists them after training.
     *
     * @param featuresAndLabel rows of (features vector, double label 0 or 1), already validated
     */
    static JavaRDD<SignedRows> cache(Dataset<Row> featuresAndLabel, int numWorkers, int numFeatures) {
        JavaRDD<SignedRows> blocks = featuresAndLabel.javaRDD()
                .repartition(numWorkers)
                .mapPartitionsWithIndex((partition, rows) -> List.of(read(rows, numFeatures, partition)).iterator(),
                        true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.setName("deepline perceptron rows (" + numWorkers + " workers)");
        return blocks;
    }

    /** Copies a partition of (features, label) rows; label 0 becomes -1 and label 1 becomes +1. */
    static SignedRows read(Iterator<Row> rows, int numFeatures, int partition) {
        double[] features = new double[numFeatures * 64];
        int[] signs = new int[64];
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            Vector v = (Vector) row.get(0);
            if (v == null || v.size() != numFeatures || row.isNullAt(1)
                    || (row.getDouble(1) != 0.0 && row.getDouble(1) != 1.0)) {
                // The driver-side profile rejects such rows; seeing one here means the data changed between jobs.
                throw new IllegalStateException("row " + n + " of partition " + partition + " has a null or wrongly"
                        + " sized features vector or a label other than 0/1; the input changed after validation"
                        + " (use a deterministic, cached input)");
            }
            if (n == signs.length) {
                signs = Arrays.copyOf(signs, 2 * n);
                features = Arrays.copyOf(features, 2 * n * numFeatures);
            }
            copyInto(v, features, n * numFeatures);
            signs[n] = row.getDouble(1) == 1.0 ? 1 : -1;
            n++;
        }
        return new SignedRows(numFeatures, Arrays.copyOf(features, n * numFeatures), Arrays.copyOf(signs, n));
    }

    /** Writes {@code v} at {@code offset}; the target is still all zeros there, so a sparse vector's gaps are set. */
    private static void copyInto(Vector v, double[] target, int offset) {
        if (v instanceof SparseVector sparse) {
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int k = 0; k < indices.length; k++) {
                target[offset + indices[k]] = values[k];
            }
        } else {
            System.arraycopy(v.toArray(), 0, target, offset, v.size());
        }
    }

    int size() {
        return signs.length;
    }

    int numFeatures() {
        return numFeatures;
    }

    /** Row-major feature values; read-only (the block is cached and shared by every epoch). */
    double[] features() {
        return features;
    }

    /** The sign (-1 or +1) of row {@code i}. */
    int sign(int i) {
        return signs[i];
    }
}
