package io.deepline.pipelines.core.train;

import io.deepline.pipelines.core.data.BatchContents;
import io.deepline.pipelines.core.data.TrainingBatch;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * SHA-256 of the cached mini-batches' contents, one digest per worker (partition), in partition order. Part of a
 * checkpoint's fingerprint: two fits of the same params on different rows of equal size (cross-validation folds,
 * say) have the same batches per worker, and must not resume each other's checkpoints.
 *
 * <p>A batch is hashed from what it writes to {@link BatchContents}: its sizes and float (and id) arrays, in a fixed
 * order, each array preceded by its length so the boundaries are unambiguous. Renaming or restructuring a batch
 * class therefore leaves the fingerprint, and the checkpoints it guards, unchanged. One pass over the cached
 * batches, only when checkpointing; each worker sends back 32 bytes.
 */
final class BatchesDigest {
    private BatchesDigest() {
    }

    static List<String> perWorker(JavaRDD<? extends TrainingBatch> batches) {
        return batches.mapPartitions(it -> List.of(of(it)).iterator()).collect();
    }

    /** The hex SHA-256 of the batches' contents, in order. */
    static String of(Iterator<? extends TrainingBatch> batches) {
        ContentsDigest digest = new ContentsDigest(ParamsDigest.newDigest());
        while (batches.hasNext()) {
            batches.next().writeContents(digest);
        }
        return HexFormat.of().formatHex(digest.sha.digest());
    }

    /** Feeds the values, big-endian, with a tag per kind so that no two different contents give the same bytes. */
    private static final class ContentsDigest implements BatchContents {
        private static final byte SIZES = 1;
        private static final byte FLOATS = 2;
        private static final byte INTS = 3;
        private static final byte ABSENT = 4;

        private final MessageDigest sha;

        ContentsDigest(MessageDigest sha) {
            this.sha = sha;
        }

        @Override
        public void sizes(int... sizes) {
            ints(SIZES, sizes);
        }

        @Override
        public void floats(float[] values) {
            if (values == null) {
                sha.update(ABSENT);
                return;
            }
            ByteBuffer bytes = header(FLOATS, values.length, Float.BYTES);
            bytes.asFloatBuffer().put(values);
            sha.update(bytes.array());
        }

        @Override
        public void ints(int[] values) {
            if (values == null) {
                sha.update(ABSENT);
                return;
            }
            ints(INTS, values);
        }

        private void ints(byte tag, int[] values) {
            ByteBuffer bytes = header(tag, values.length, Integer.BYTES);
            bytes.asIntBuffer().put(values);
            sha.update(bytes.array());
        }

        /** A buffer holding the tag and length, positioned at the values (the views above write from there). */
        private static ByteBuffer header(byte tag, int length, int width) {
            ByteBuffer bytes = ByteBuffer.allocate(1 + Integer.BYTES + length * width);
            bytes.put(tag).putInt(length);
            return bytes;
        }
    }
}
