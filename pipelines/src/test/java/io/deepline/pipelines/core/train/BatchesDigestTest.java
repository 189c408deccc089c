package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.BatchContents;
import io.deepline.pipelines.core.data.MiniBatch;
import io.deepline.pipelines.core.data.TrainingBatch;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training-data fingerprint depends on the batches' values and order only. No Spark, no network. */
class BatchesDigestTest {

    private static MiniBatch batch(float firstFeature, float[] weights) {
        return new MiniBatch(2, 2, 1, new float[] {firstFeature, 2, 3, 4}, new float[] {0, 1}, weights);
    }

    private static String digest(TrainingBatch... batches) {
        return BatchesDigest.of(List.of(batches).iterator());
    }

    @Test
    void equalContentsGiveEqualDigestsAndEveryValueOrderAndWeightCounts() {
        String reference = digest(batch(1, null), batch(5, null));
        assertEquals(reference, digest(batch(1, null), batch(5, null)), "deterministic for equal contents");
        assertNotEquals(reference, digest(batch(1.5f, null), batch(5, null)), "one feature differs");
        assertNotEquals(reference, digest(batch(5, null), batch(1, null)), "the batch order differs");
        assertNotEquals(reference, digest(batch(1, new float[] {1, 1}), batch(5, null)), "weighted vs unweighted");
    }

    @Test
    void aSequenceMaskIsPartOfTheDigest() {
        float[] features = {1, 2, 3, 4};
        float[] labels = {1, 0};
        String full = digest(new SequenceBatch(1, 2, 2, 2, features, new float[] {1, 1}, labels, false));
        String padded = digest(new SequenceBatch(1, 2, 2, 2, features, new float[] {1, 0}, labels, false));
        assertNotEquals(full, padded);
    }

    /** Any class writing the same contents hashes the same: a renamed or rewritten batch class keeps checkpoints. */
    @Test
    void theBatchClassDoesNotEnterTheDigest() {
        TrainingBatch lookalike = new TrainingBatch() {
            @Override
            public int rows() {
                return 2;
            }

            @Override
            public void fitOn(Network net) {
                throw new UnsupportedOperationException("not trained in this test");
            }

            @Override
            public void writeContents(BatchContents out) {
                out.sizes(2, 2, 1);
                out.floats(new float[] {1, 2, 3, 4});
                out.floats(new float[] {0, 1});
                out.floats(null);
            }
        };
        assertEquals(digest(batch(1, null)), digest(lookalike));
    }
}
