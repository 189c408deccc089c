package io.deepline.pipelines.train;

import io.deepline.pipelines.data.TrainingBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * SHA-256 of the cached mini-batches' contents, one digest per worker (partition), in partition order. Part of a
 * checkpoint's fingerprint: two fits of the same params on different rows of equal size (cross-validation folds,
 * say) have the same batches per worker, and must not resume each other's checkpoints.
 *
 * <p>A batch is hashed through its Java serialization: every batch kind holds plain arrays and sizes, so equal
 * contents give equal bytes, and no batch class needs to know about checkpoints. One pass over the cached batches,
 * only when checkpointing; each worker sends back 32 bytes.
 */
final class BatchesDigest {
    private BatchesDigest() {
    }

    static List<String> perWorker(JavaRDD<? extends TrainingBatch> batches) {
        return batches.mapPartitions(it -> {
            MessageDigest sha = ParamsDigest.newDigest();
            while (it.hasNext()) {
                sha.update(serialized(it.next()));
            }
            return List.of(HexFormat.of().formatHex(sha.digest())).iterator();
        }).collect();
    }

    private static byte[] serialized(TrainingBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a " + batch.getClass().getSimpleName()
                    + " to fingerprint the training data: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
